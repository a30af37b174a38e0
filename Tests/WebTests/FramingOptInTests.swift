import Foundation
import HTTP
import TestSupport
import Testing

@testable import Web

/// A tenant's opt-in to being framed: only https origins are accepted, the admin form
/// keeps and explains bad input, and the policy names exactly the saved origins. Also: no header can
/// carry CR/LF, and every page still forbids framing by default.
@Suite struct FramingOptInTests {
    @Test(arguments: [
        ("https://www.isp.co.id", "https://www.isp.co.id"),
        ("HTTPS://Portal.ISP.test:8443/ https://www.isp.co.id,https://www.isp.co.id", "https://portal.isp.test:8443 https://www.isp.co.id"),
        ("", ""),
    ])
    func httpsOriginsAreAcceptedNormalisedAndDeduplicated(typed: String, stored: String) throws {
        #expect(try #require(FrameAncestors(parsing: typed)).text == stored)
    }

    @Test(arguments: [
        "http://www.isp.co.id", "https://www.isp.co.id/embed", "https://*.isp.co.id", "https://10.0.0.1", "'self'",
        "https://isp.co.id;script-src", "https://isp.co.id\r\nSet-Cookie: x=1", "https://a.test 'unsafe-inline'",
        "javascript:alert(1)", "https://localhost",
        "https://a.test https://b.test https://c.test https://d.test https://e.test https://f.test",
    ])
    func anythingButAFewHTTPSOriginsIsRefused(typed: String) {
        #expect(FrameAncestors(parsing: typed) == nil)
    }

    @Test func thePolicyNamesTheOriginsAndOtherwiseForbidsFraming() throws {
        let allowed = try #require(FrameAncestors(parsing: "https://www.isp.co.id"))
        let policy = SecurityHeaders<GlobalContext>.policy(frameAncestors: allowed)
        #expect(policy.contains("frame-ancestors https://www.isp.co.id;"))
        #expect(policy.contains("script-src 'self';") && !policy.contains("unsafe-inline"))
        #expect(SecurityHeaders<GlobalContext>.contentSecurityPolicy.contains("frame-ancestors 'none'"))
    }

    @Test func aTenantPageForbidsFramingByDefaultWithBothHeaders() throws {
        let tenant = try PortalFixtures.tenant()
        let page = try SharedServer.get("/", host: tenant.host)
        #expect(page.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true)
        #expect(page.headers["X-Frame-Options"] == "DENY")
        #expect(page.headers["X-Content-Type-Options"] == "nosniff")
        #expect(page.headers["Referrer-Policy"] != nil)
    }

    @Test func theAdminFormSavesTheOriginsAndKeepsBadInputWithItsMessage() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let refused = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(["frame_ancestors": "http://evil.test/frame"]), file: nil)
        #expect(refused.status == 422)
        #expect(refused.text.contains("f-frame_ancestors-error"))
        #expect(refused.text.contains(#"value="http://evil.test/frame""#))
        #expect(try Self.stored(admin.tenantID) == "")

        let saved = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(["frame_ancestors": "https://WWW.Isp.test/"]), file: nil)
        #expect(saved.status == 303)
        #expect(try Self.stored(admin.tenantID) == "https://www.isp.test")
        #expect(try browser.get("/admin/branding").text.contains(#"value="https://www.isp.test""#))
    }

    @Test func aTenantThatOptsInIsFramedOnlyByItsOriginsAndOthersStayUnframed() throws {
        let admin = try AdminFixtures.tenantWithAdmin()
        let other = try PortalFixtures.tenant()
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let saved = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(["frame_ancestors": "https://portal.isp.test"]), file: nil)
        #expect(saved.status == 303)
        // The change reaches the page through the branding version, which NOTIFY invalidates.
        var page = try SharedServer.get("/", host: admin.host)
        for _ in 0..<20 where page.headers["Content-Security-Policy"]?.contains("https://portal.isp.test") != true {
            Thread.sleep(forTimeInterval: 0.05)
            page = try SharedServer.get("/", host: admin.host)
        }
        #expect(page.headers["Content-Security-Policy"]?.contains("frame-ancestors https://portal.isp.test;") == true)
        #expect(page.headers["X-Frame-Options"] == nil)
        let unframed = try SharedServer.get("/", host: other.host)
        #expect(unframed.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true)
        #expect(unframed.headers["X-Frame-Options"] == "DENY")
    }

    @Test func theColumnRefusesAValueThatCouldBreakAHeader() throws {
        let tenant = try PortalFixtures.tenant()
        #expect(throws: (any Error).self) {
            try TestDatabase.owner.query(
                "update tenant_branding set frame_ancestors = $2 where tenant_id = $1", tenant.id, "https://a.test\r\nX: y")
        }
        #expect(throws: (any Error).self) {
            try TestDatabase.owner.query(
                "update tenant_branding set frame_ancestors = $2 where tenant_id = $1", tenant.id, "'unsafe-inline'")
        }
    }

    @Test func noCRLFOrNULCanReachAHeaderValue() {
        var headers = HTTPHeaders()
        headers.set("Location", "/orders/EV1\r\nSet-Cookie: x=1")
        headers.set("X-Test\r\nInjected", "a\u{0}b\nc")
        let serialized = headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
        #expect(!serialized.contains("\r") && !serialized.contains("\u{0}"))
        #expect(serialized.split(separator: "\n").count == 2, "each field stays on one line: \(serialized)")
        #expect(headers["Location"]?.contains("Set-Cookie: x=1") == true, "kept as text inside the one value")
    }

    static func stored(_ tenantID: UUID) throws -> String {
        try TestDatabase.owner.query("select frame_ancestors from tenant_branding where tenant_id = $1", tenantID)
            .first!.decode("frame_ancestors", as: String.self)
    }
}
