import Foundation
import HTTP
import Templates
import Testing

@testable import Web

/// The exported `login.html`, filled in the way a MikroTik router fills it, in headless Chromium at a
/// phone's viewport, posting to a fake router login endpoint on loopback.
@Suite(.serialized, .timeLimit(.minutes(1))) struct HotspotBrowserTests {
    static let chapID = #"\052"#
    static let chapChallenge = #"\237\001\176\000\042\047\134\377\020\200\101\102\012\015\074\076"#

    /// Serves the exported files (login.html substituted) and records what the login form posts.
    private func router(language: Language = .id, values: [String: String]) throws -> FakeGatewayServer {
        let files = HotspotExporter.files(for: try ExportFixtures.source(language: language))
        let box = PortBox()
        let server = try FakeGatewayServer { request in
            if request.method == "POST" { return .text("logged in") }
            guard let file = files.first(where: { "/" + $0.name == request.path }) else { return .text("missing", status: .notFound) }
            guard file.name.hasSuffix(".html") else {
                var headers = HTTPHeaders()
                headers.set("Content-Type", file.name.hasSuffix(".css") ? "text/css" : "application/javascript")
                return HTTPResponse(headers: headers, body: file.bytes)
            }
            var filled = values
            filled["link-login-only"] = "http://127.0.0.1:\(box.port)/login"
            return .html(Array(RouterSubstitution.apply(String(decoding: file.bytes, as: UTF8.self), filled).utf8))
        }
        box.port = server.port
        return server
    }

    private func postedLogin(_ server: FakeGatewayServer) throws -> [String: String] {
        for _ in 0..<100 {
            if let post = server.requests.first(where: { $0.method == "POST" && $0.path == "/login" }) {
                let form = try URLEncodedForm(body: post.body)
                return Dictionary(form.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestSupportFailure("the login form posted nothing")
    }

    @Test func voucherCodeLogsInWithPAPAtAPhoneViewport() throws {
        let server = try router(values: ["link-orig": "http://example.com/wanted?a=1"])
        defer { server.stop() }
        let browser = try HotspotBrowser()
        defer { browser.quit() }
        try browser.open("\(server.baseURL)/login.html")
        let layout = try browser.run("return [window.innerWidth, document.documentElement.scrollWidth];") as? [Int]
        #expect(layout?.first == HotspotBrowser.phoneWidth)
        #expect((layout?.last ?? .max) <= HotspotBrowser.phoneWidth, "the login page scrolls sideways on a phone")
        try browser.type(" K7XQ9M4T ", into: "#voucher-code")
        try browser.click("#voucher-form button")
        let posted = try postedLogin(server)
        #expect(posted["username"] == "K7XQ9M4T")
        #expect(posted["password"] == "K7XQ9M4T")
        #expect(posted["dst"] == "http://example.com/wanted?a=1")
        #expect(posted["popup"] == "true")
    }

    @Test func voucherCodeLogsInWithCHAPHash() throws {
        let server = try router(values: ["link-orig": "http://example.com/", "chap-id": Self.chapID, "chap-challenge": Self.chapChallenge])
        defer { server.stop() }
        let browser = try HotspotBrowser()
        defer { browser.quit() }
        try browser.open("\(server.baseURL)/login.html")
        try browser.type("K7XQ9M4T", into: "#voucher-code")
        try browser.click("#voucher-form button")
        let posted = try postedLogin(server)
        #expect(posted["username"] == "K7XQ9M4T")
        // md5(0x2a + "K7XQ9M4T" + challenge bytes), computed independently with Python's hashlib.
        #expect(posted["password"] == "68004d531bf7269e58ed46b2d37011a6")
        #expect(posted["dst"] == "http://example.com/")
    }

    @Test func accountModeSendsUsernameAndHashedUTF8Password() throws {
        let server = try router(values: ["link-orig": "http://example.com/", "chap-id": Self.chapID, "chap-challenge": Self.chapChallenge])
        defer { server.stop() }
        let browser = try HotspotBrowser()
        defer { browser.quit() }
        try browser.open("\(server.baseURL)/login.html")
        try browser.click("details summary")
        try browser.type("budi", into: "#account-username")
        try browser.type("pässword", into: "#account-password")
        try browser.click("#account-form button")
        let posted = try postedLogin(server)
        #expect(posted["username"] == "budi")
        #expect(posted["password"] == "84cdf15dbea9ce57332177ab40902fef")
    }

    @Test func md5InThePagePassesRFC1321Vectors() throws {
        let server = try router(values: [:])
        defer { server.stop() }
        let browser = try HotspotBrowser()
        defer { browser.quit() }
        try browser.open("\(server.baseURL)/login.html")
        let vectors = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"), ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"), ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
            (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        let inputs = vectors.map { "'\($0.0)'" }.joined(separator: ",")
        let digests = try browser.run("return [\(inputs)].map(function (s) { return hexMD5(s); });") as? [String]
        #expect(digests == vectors.map(\.1))
    }

    @Test func routerErrorShowsInTheTenantLanguage() throws {
        let server = try router(language: .id, values: ["error": "invalid username or password", "link-orig": "http://example.com/"])
        defer { server.stop() }
        let browser = try HotspotBrowser()
        defer { browser.quit() }
        try browser.open("\(server.baseURL)/login.html")
        #expect(try browser.text(of: "#hotspot-error") == Language.id.hotspotStrings.errorInvalidCredentials)
        try browser.open("\(server.baseURL)/error.html")
        #expect(try browser.text(of: "#hotspot-error") == Language.id.hotspotStrings.errorInvalidCredentials)
    }

    @Test func siteSnapshotOpensFromTheFileSystemWithWorkingLinks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ExportCommand.write(SiteExporter.files(for: try ExportFixtures.source(language: .en)), to: directory)
        let browser = try HotspotBrowser()
        defer { browser.quit() }
        try browser.open("file://\(directory)/index.html")
        // #123456 from theme.css, loaded through a relative link.
        #expect(
            try browser.run("return getComputedStyle(document.querySelector('.site-header')).backgroundColor;") as? String
                == "rgb(18, 52, 86)")
        try browser.click("footer a[href='pages/faq.html']")
        #expect(try browser.run("return location.pathname;") as? String == "\(directory)/pages/faq.html")
        try browser.click("footer a[hreflang='id']")
        #expect(try browser.run("return location.pathname;") as? String == "\(directory)/id/pages/faq.html")
        try browser.click("a.brand")
        #expect(try browser.run("return location.pathname;") as? String == "\(directory)/id/index.html")
    }
}

private final class PortBox: @unchecked Sendable {
    var port = 0
}

private struct TestSupportFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
