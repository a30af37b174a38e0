import Foundation
import TestSupport
import Testing

/// `GET/POST /admin/branding` over real HTTP against a real database.
@Suite struct AdminBrandingTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    @Test func savingUpdatesTheBrandingBumpsTheVersionAndWritesOneAuditRowWithBeforeAndAfter() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let before = try AdminFixtures.branding(tenantID: admin.tenantID)
        let response = try browser.postMultipart("/admin/branding", AdminFixtures.brandingFields(), file: nil)
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/admin/branding?saved=1")
        let after = try AdminFixtures.branding(tenantID: admin.tenantID)
        #expect(after.displayName == "Renamed ISP")
        #expect(after.primary == "#112233")
        #expect(after.version == before.version + 1)
        let row = try #require(
            try TestDatabase.owner.query(
                "select actor, action, before->>'display_name' as old, after->>'display_name' as new, after ? 'logo' as has_logo from audit_log where tenant_id = $1",
                admin.tenantID
            ).first)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
        #expect(try row.decode("actor", as: String.self) == admin.email.lowercased())
        #expect(try row.decode("old", as: String.self) == before.displayName)
        #expect(try row.decode("new", as: String.self) == "Renamed ISP")
        #expect(try row.decode("has_logo", as: Bool.self) == false, "no logo bytes in the audit log")
    }

    @Test(arguments: ["0812-3456-7890", "0812 3456 7890", "+62 812.3456.7890", "62812-3456-7890"])
    func theContactNumberIsReadAsIndonesiansWriteItAndStoredNormalised(_ typed: String) throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let response = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(["contact_whatsapp": typed]), file: nil)
        #expect(response.status == 303)
        let stored = try TestDatabase.owner.query(
            "select contact_whatsapp from tenant_branding where tenant_id = $1", admin.tenantID
        ).first!.decode("contact_whatsapp", as: String.self)
        #expect(stored == "+6281234567890")
    }

    @Test func theHotspotLoginAddressSaysWhatItIs() throws {
        let browser = try AdminFixtures.signedIn(admin)
        let page = try browser.get("/admin/branding?lang=en").text
        #expect(
            page.contains("The address of your MikroTik hotspot&#39;s login page")
                || page.contains("The address of your MikroTik hotspot's login page"))
    }

    @Test func eachInvalidFieldHasItsMessageAndTheInputIsKept() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let typed = [
            "display_name": "", "primary_color": "red", "accent_color": "#12345g", "contact_whatsapp": "12ab",
            "contact_email": "not-an-email", "hotspot_login_url": "javascript:alert(1)",
        ]
        let response = try browser.postMultipart("/admin/branding", AdminFixtures.brandingFields(typed), file: nil)
        #expect(response.status == 422)
        for name in typed.keys {
            #expect(response.text.contains("f-\(name)-error"), "message next to \(name)")
        }
        #expect(response.text.contains(#"value="red""#))
        #expect(response.text.contains(#"value="not-an-email""#))
        #expect(response.text.contains(#"value="javascript:alert(1)""#))
        #expect(response.text.contains(#"aria-invalid="true""#))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
        #expect(try AdminFixtures.branding(tenantID: admin.tenantID).displayName != "")
    }

    @Test func theFormShowsTheContrastOfEachColourAndWarnsBelowAA() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        // #777777 with white or ink text reaches neither 4.5:1; #000000 with white is 21:1.
        let response = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(["primary_color": "#000000", "accent_color": "#777777", "display_name": ""]),
            file: nil)
        #expect(response.text.contains("Text contrast on this colour: 21.0:1"))
        #expect(response.text.contains("Below 4.5:1 (WCAG AA)"))
    }

    @Test func aPNGLogoIsStoredWithItsType() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let response = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(),
            file: ("logo", "logo.png", "image/png", AdminFixtures.png(width: 200, height: 80)))
        #expect(response.status == 303)
        #expect(try AdminFixtures.branding(tenantID: admin.tenantID).logoType == "image/png")
    }

    @Test(arguments: [
        (
            "logo.svg", "image/svg+xml", Array(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8),
            "SVG is not accepted"
        ),
        ("logo.png", "image/png", Array("<!doctype html><script>alert(1)</script>".utf8), "SVG is not accepted"),
        ("logo.png", "image/png", AdminFixtures.png(width: 100, height: 100, padding: 600 * 1024), "at most 512 KiB"),
        ("logo.png", "image/png", AdminFixtures.png(width: 4000, height: 100), "2048 × 2048"),
    ])
    func aLogoThatIsNotASmallPNGJPEGOrWebPIsRefused(filename: String, type: String, bytes: [UInt8], message: String) throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let response = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(), file: ("logo", filename, type, bytes))
        #expect(response.status == 422)
        #expect(response.text.contains("f-logo-error"))
        #expect(response.text.contains(message))
        #expect(response.text.contains(#"value="Renamed ISP""#), "the other fields are kept")
        #expect(try AdminFixtures.branding(tenantID: admin.tenantID).logoType == nil)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func aPostWithoutTheSessionsCSRFTokenIsRefusedAndChangesNothing() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let forged = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(["_csrf": PortalFixtures.hexToken()]), file: nil)
        #expect(forged.status == 403)
        let urlEncoded = try browser.post("/admin/branding", AdminFixtures.brandingFields(), withCSRF: false)
        #expect(urlEncoded.status == 403)
        #expect(try AdminFixtures.branding(tenantID: admin.tenantID).displayName != "Renamed ISP")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func anAdminCannotChangeAnotherTenantsBrandingByCookieOrByATenantIDField() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")

        let borrowed = PortalBrowser(host: other.host)
        borrowed.cookies = browser.cookies
        borrowed.csrf = browser.csrf
        let onOtherHost = try borrowed.postMultipart("/admin/branding", AdminFixtures.brandingFields(), file: nil)
        #expect(onOtherHost.status == 303)
        #expect(onOtherHost.headers["Location"] == "/admin/login")

        let smuggled = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(["tenant_id": other.tenantID.uuidString]), file: nil)
        #expect(smuggled.status == 303)
        #expect(try AdminFixtures.branding(tenantID: admin.tenantID).displayName == "Renamed ISP")
        #expect(try AdminFixtures.branding(tenantID: other.tenantID).displayName != "Renamed ISP")
        #expect(try AdminFixtures.auditRows(tenantID: other.tenantID) == 0)
    }

    @Test func afterASaveASecondRunningInstanceServesTheNewColoursWithinOneSecond() throws {
        let second = try GerbangProcess()
        defer { _ = second.stop() }
        let themeBefore = try TestHTTPClient.request(port: second.port, method: "GET", path: "/brand/theme.css", host: admin.host)
        #expect(!themeBefore.text.contains("#112233"))

        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        #expect(try browser.postMultipart("/admin/branding", AdminFixtures.brandingFields(), file: nil).status == 303)
        try eventually(within: .seconds(1)) {
            try TestHTTPClient.request(port: second.port, method: "GET", path: "/brand/theme.css", host: admin.host)
                .text.contains("#112233")
        }
    }
}
