import Foundation
import Testing
import TestSupport

/// `POST /admin/branding/preview` and its stylesheet: the draft is shown, nothing is saved.
@Suite struct AdminBrandingPreviewTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    @Test func previewShowsTheStoreWithTheDraftAndSavesNothing() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let before = try AdminFixtures.branding(tenantID: admin.tenantID)
        let response = try browser.postMultipart(
            "/admin/branding/preview", AdminFixtures.brandingFields(["display_name": "Draft Name <b>"]), file: nil)
        #expect(response.status == 200)
        #expect(response.text.contains("Draft Name &lt;b&gt;"))
        #expect(response.text.contains("/admin/branding/preview.css?primary=112233&amp;accent=ffcc00"))
        let after = try AdminFixtures.branding(tenantID: admin.tenantID)
        #expect(after.displayName == before.displayName && after.version == before.version)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)

        let css = try browser.get("/admin/branding/preview.css?primary=112233&accent=ffcc00")
        #expect(css.status == 200)
        #expect(css.text.contains("--brand: #112233;"))
        #expect(try browser.get("/admin/branding/preview.css?primary=red;}&accent=ffcc00").status == 400)
    }

    @Test func previewNeedsTheSessionAndItsCSRFToken() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let forged = try browser.postMultipart(
            "/admin/branding/preview", AdminFixtures.brandingFields(["_csrf": PortalFixtures.hexToken()]), file: nil)
        #expect(forged.status == 403)
        let anonymous = PortalBrowser(host: admin.host)
        #expect(try anonymous.get("/admin/branding/preview.css?primary=112233&accent=ffcc00").status == 303)
    }

    @Test func anInvalidDraftShowsTheFormWithItsMessages() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let response = try browser.postMultipart(
            "/admin/branding/preview", AdminFixtures.brandingFields(["primary_color": "blue"]), file: nil)
        #expect(response.status == 422)
        #expect(response.text.contains("f-primary_color-error"))
        #expect(response.text.contains(#"value="blue""#))
    }
}
