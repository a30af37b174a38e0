import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A headless Chromium at a phone's viewport, driven through chromedriver's W3C WebDriver HTTP API.
/// No Selenium and no Python: a small Swift client keeps the whole suite in one language and one
/// runner. Needs Debian's `chromium` and `chromium-driver` (or `CHROMEDRIVER` and `CHROMIUM_BIN`);
/// without them it throws, so the test fails and says what to install.
///
/// The browser's console is recorded (`goog:loggingPrefs`), and a `securitypolicyviolation` listener
/// is installed in every document before the page's own scripts run, so a flow can prove it ran
/// without console errors and without anything the Content-Security-Policy refused.
final class WebDriverBrowser {
    static let phoneWidth = 390, phoneHeight = 844

    /// The emulated screen: a phone (touch, mobile layout) or a desktop window.
    struct Viewport: Sendable {
        let width: Int, height: Int, isMobile: Bool
        static let phone = Viewport(width: WebDriverBrowser.phoneWidth, height: WebDriverBrowser.phoneHeight, isMobile: true)
        static let desktop = Viewport(width: 1280, height: 800, isMobile: false)
    }

    let viewport: Viewport
    /// How long a wait polls before it gives up: generous, since two busy cores may be shared with a build.
    static let patience: TimeInterval = 10

    private let driver: ChildProcess
    private let port: Int
    private let session: String
    private var isClosed = false

    init(pixelRatio: Int = 3, viewport: Viewport = .phone) throws {
        self.viewport = viewport
        let environment = ProcessInfo.processInfo.environment
        let driverPath = environment["CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
        let browserPath = environment["CHROMIUM_BIN"] ?? "/usr/bin/chromium"
        for path in [driverPath, browserPath] where !FileManager.default.isExecutableFile(atPath: path) {
            throw TestSupportError(
                "\(path) not found: the browser tests need `apt-get install chromium chromium-driver`"
                    + " (or set CHROMEDRIVER and CHROMIUM_BIN)")
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
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files",
                // Tenants are `<slug>.localhost`; the test server listens on IPv4 loopback only.
                "--host-resolver-rules=MAP *.localhost 127.0.0.1",
            ],
            "mobileEmulation": [
                "deviceMetrics": [
                    "width": viewport.width, "height": viewport.height, "pixelRatio": viewport.isMobile ? pixelRatio : 1,
                    "mobile": viewport.isMobile, "touch": viewport.isMobile,
                ] as [String: Any]
            ],
        ]
        let capabilities = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome", "goog:chromeOptions": options, "goog:loggingPrefs": ["browser": "ALL"],
                ] as [String: Any]
            ]
        ]
        do {
            let value = try Self.call(port: port, "POST", "/session", capabilities) as? [String: Any]
            guard let id = value?["sessionId"] as? String else { throw TestSupportError("no session in \(String(describing: value))") }
            session = id
            _ = try devTools("Page.addScriptToEvaluateOnNewDocument", ["source": Self.violationRecorder])
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

    // MARK: Navigation and elements

    func open(_ url: String) throws { _ = try command("POST", "url", ["url": url]) }

    var currentURL: String {
        get throws { try command("GET", "url", nil) as? String ?? "" }
    }

    func element(_ css: String) throws -> String {
        let value = try command("POST", "element", ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = value?.values.first as? String else { throw TestSupportError("no element \(css)") }
        return id
    }

    func type(_ text: String, into css: String) throws {
        _ = try command("POST", "element/\(try element(css))/value", ["text": text])
    }

    /// Empties a field, then types into it, as a person replacing a value would.
    func replace(_ css: String, with text: String) throws {
        _ = try command("POST", "element/\(try element(css))/clear", [:])
        try type(text, into: css)
    }

    func click(_ css: String) throws { _ = try command("POST", "element/\(try element(css))/click", [:]) }

    func text(of css: String) throws -> String {
        try command("GET", "element/\(try element(css))/text", nil) as? String ?? ""
    }

    func run(_ script: String, _ arguments: [Any] = []) throws -> Any? {
        try command("POST", "execute/sync", ["script": script, "args": arguments])
    }

    // MARK: Explicit waits

    /// Polls `condition` until it holds or `patience` runs out; errors thrown while polling (an element
    /// not there yet, a page mid-navigation) count as "not yet".
    func wait(for description: String, timeout: TimeInterval = patience, until condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var lastError: (any Error)?
        repeat {
            do {
                if try condition() { return }
            } catch {
                lastError = error
            }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        let url = (try? currentURL) ?? "?"
        throw TestSupportError(
            "waited \(Int(timeout)) s for \(description) at \(url)" + (lastError.map { ": \($0)" } ?? ""))
    }

    /// Waits until the page at a path satisfying `matches` has finished loading.
    func waitForPage(_ description: String, _ matches: @escaping (URLComponents) -> Bool) throws {
        try wait(for: description) {
            guard let url = URLComponents(string: try currentURL), matches(url) else { return false }
            return try run("return document.readyState;") as? String == "complete"
        }
    }

    func waitForPath(_ path: String) throws {
        try waitForPage("the page \(path)") { $0.path == path }
    }

    /// Waits until an element is on the page, then returns its text.
    @discardableResult
    func waitForElement(_ css: String) throws -> String {
        var text = ""
        try wait(for: "an element \(css)") {
            text = try self.text(of: css)
            return true
        }
        return text
    }

    // MARK: Evidence: console, CSP, screenshots

    struct LogEntry: CustomStringConvertible {
        let level: String
        let message: String
        var description: String { "\(level): \(message)" }
    }

    /// The console entries since the last call (chromedriver hands each entry out once).
    func browserLog() throws -> [LogEntry] {
        let entries = try command("POST", "se/log", ["type": "browser"]) as? [[String: Any]] ?? []
        return entries.map { LogEntry(level: $0["level"] as? String ?? "", message: $0["message"] as? String ?? "") }
    }

    /// Console errors since the last call: `console.error`, failed loads and, in Chromium, every
    /// resource or script the Content-Security-Policy refused.
    func consoleErrors() throws -> [LogEntry] {
        try browserLog().filter { $0.level == "SEVERE" }
    }

    /// What the page's `securitypolicyviolation` events reported, across this tab's pages on this origin.
    func cspViolations() throws -> [String] {
        try run("return JSON.parse(sessionStorage.getItem('gerbangCSPViolations') || '[]');") as? [String] ?? []
    }

    /// The whole page as PNG, not only the part in the viewport (up to `maximumHeight` CSS pixels), with
    /// `pixelsPerPoint` image pixels per CSS pixel whatever the emulated phone's pixel ratio.
    func screenshot(pixelsPerPoint: Double = 2, maximumHeight: Double = 4_000) throws -> Data {
        let metrics = try devTools("Page.getLayoutMetrics", [:]) as? [String: Any]
        let size = metrics?["cssContentSize"] as? [String: Any]
        let height = (size?["height"] as? Double).map { min($0, maximumHeight) } ?? Double(viewport.height)
        let ratio = (try run("return window.devicePixelRatio;") as? NSNumber)?.doubleValue ?? 1
        let clip: [String: Any] = [
            "x": 0, "y": 0, "width": Double(viewport.width), "height": height, "scale": pixelsPerPoint / max(ratio, 1),
        ]
        let shot = try devTools("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true, "clip": clip])
        guard let base64 = (shot as? [String: Any])?["data"] as? String, let png = Data(base64Encoded: base64) else {
            throw TestSupportError("no screenshot data")
        }
        return png
    }

    /// The page as Chromium prints it on A4 (the print style sheet applies), as PDF bytes.
    func printToPDF() throws -> Data {
        let printed = try devTools("Page.printToPDF", ["paperWidth": 8.27, "paperHeight": 11.69, "printBackground": false])
        guard let base64 = (printed as? [String: Any])?["data"] as? String, let pdf = Data(base64Encoded: base64) else {
            throw TestSupportError("no PDF data")
        }
        return pdf
    }

    /// Records every CSP violation in the tab's session storage, from the first moment of each document.
    private static let violationRecorder = """
        document.addEventListener('securitypolicyviolation', function (event) {
          var key = 'gerbangCSPViolations';
          var seen = JSON.parse(sessionStorage.getItem(key) || '[]');
          seen.push(event.effectiveDirective + ' refused ' + (event.blockedURI || 'inline') + ' on ' + location.pathname);
          sessionStorage.setItem(key, JSON.stringify(seen));
        });
        """

    // MARK: Wire

    /// A Chrome DevTools Protocol command through chromedriver's `goog/cdp/execute`.
    private func devTools(_ method: String, _ parameters: [String: Any]) throws -> Any? {
        try command("POST", "goog/cdp/execute", ["cmd": method, "params": parameters])
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

/// The hotspot tests' name for the same browser.
typealias HotspotBrowser = WebDriverBrowser
