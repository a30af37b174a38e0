import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A headless Chromium at a phone's viewport, driven through chromedriver's W3C WebDriver HTTP API
/// (no Selenium, no Python). Needs Debian's `chromium` and `chromium-driver` (or `CHROMEDRIVER` and
/// `CHROMIUM_BIN`); without them it throws, so the test fails and says what to install.
final class HotspotBrowser {
    static let phoneWidth = 390, phoneHeight = 844
    private let driver: ChildProcess
    private let port: Int
    private let session: String
    private var isClosed = false

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        let driverPath = environment["CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
        let browserPath = environment["CHROMIUM_BIN"] ?? "/usr/bin/chromium"
        for path in [driverPath, browserPath] where !FileManager.default.isExecutableFile(atPath: path) {
            throw TestSupportError(
                "\(path) not found: the hotspot browser tests need `apt-get install chromium chromium-driver` (or set CHROMEDRIVER and CHROMIUM_BIN)")
        }
        port = try Self.freePort()
        driver = try ChildProcess(driverPath, ["--port=\(port)"])
        var ready = false
        for _ in 0..<100 where !ready {
            ready = ((try? Self.call(port: port, "GET", "/status", nil)) as? [String: Any])?["ready"] as? Bool ?? false
            if !ready { Thread.sleep(forTimeInterval: 0.1) }
        }
        guard ready else {
            driver.stop()
            throw TestSupportError("chromedriver did not become ready on port \(port)")
        }
        let options: [String: Any] = [
            "binary": browserPath,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files"],
            "mobileEmulation": ["deviceMetrics": ["width": Self.phoneWidth, "height": Self.phoneHeight, "pixelRatio": 3]],
        ]
        let capabilities = ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]]
        do {
            let value = try Self.call(port: port, "POST", "/session", capabilities) as? [String: Any]
            guard let id = value?["sessionId"] as? String else { throw TestSupportError("no session in \(String(describing: value))") }
            session = id
        } catch {
            driver.stop()
            throw error
        }
    }

    deinit { quit() }

    func quit() {
        guard !isClosed else { return }
        isClosed = true
        _ = try? Self.call(port: port, "DELETE", "/session/\(session)", nil)
        driver.stop()
    }

    func open(_ url: String) throws { _ = try command("POST", "url", ["url": url]) }

    func element(_ css: String) throws -> String {
        let value = try command("POST", "element", ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = value?.values.first as? String else { throw TestSupportError("no element \(css)") }
        return id
    }

    func type(_ text: String, into css: String) throws {
        _ = try command("POST", "element/\(try element(css))/value", ["text": text])
    }

    func click(_ css: String) throws { _ = try command("POST", "element/\(try element(css))/click", [:]) }

    func text(of css: String) throws -> String {
        try command("GET", "element/\(try element(css))/text", nil) as? String ?? ""
    }

    func run(_ script: String) throws -> Any? {
        try command("POST", "execute/sync", ["script": script, "args": [Any]()])
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]?) throws -> Any? {
        try Self.call(port: port, method, "/session/\(session)/\(path)", body)
    }

    /// One WebDriver call; returns its `value`, or throws the WebDriver error.
    private static func call(port: Int, _ method: String, _ path: String, _ body: [String: Any]?) throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let client = try TestHTTPClient(port: port, timeout: .seconds(60))
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        head += "Content-Type: application/json\r\nContent-Length: \(payload.count)\r\n\r\n"
        try client.send(Array(head.utf8) + [UInt8](payload))
        let response = try client.readResponse()
        let json = try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed]) as? [String: Any]
        guard response.status == 200 else {
            throw TestSupportError("WebDriver \(method) \(path) → \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
        let value = json?["value"]
        return value is NSNull ? nil : value
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw TestSupportError("bind failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The router's side of a hotspot page: MikroTik's `$(name)` variables and `$(if name) … $(else) … $(endif)`.
enum RouterSubstitution {
    static func apply(_ template: String, _ values: [String: String]) -> String {
        let conditional = try! NSRegularExpression(
            pattern: #"\$\(if ([a-z-]+)\)(.*?)(?:\$\(else\)(.*?))?\$\(endif\)"#, options: [.dotMatchesLineSeparators])
        var text = template
        while let match = conditional.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) {
            func group(_ index: Int) -> String {
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            let isSet = !(values[group(1)] ?? "").isEmpty
            text.replaceSubrange(Range(match.range, in: text)!, with: isSet ? group(2) : group(3))
        }
        let variable = try! NSRegularExpression(pattern: #"\$\(([a-z-]+)\)"#)
        var result = ""
        var last = text.startIndex
        for match in variable.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let range = Range(match.range, in: text)!
            result += text[last..<range.lowerBound]
            result += values[String(text[Range(match.range(at: 1), in: text)!])] ?? ""
            last = range.upperBound
        }
        return result + text[last...]
    }
}
