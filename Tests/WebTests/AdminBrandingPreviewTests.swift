import Foundation
import TestSupport
import Testing

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

    @Test func previewSaysItIsOneShowsTheChosenLogoAndLeadsBackToTheFormOrOnToASave() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let logo = AdminFixtures.png(width: 8, height: 8)
        let fields = AdminFixtures.brandingFields(["display_name": "Draft Name"])
        let preview = try browser.postMultipart(
            "/admin/branding/preview", fields, file: (name: "logo", filename: "logo.png", type: "image/png", bytes: logo))
        #expect(preview.status == 200)
        #expect(preview.text.contains("Preview: this is how the store would look. Nothing is saved yet"))
        #expect(preview.text.contains(#"<img src="data:image/png;base64,"#), "the chosen logo is shown")
        #expect(preview.text.contains(#"formaction="/admin/branding/edit""#))
        #expect(preview.text.contains("Save this branding"))
        let kept = try #require(Browser.hiddenValue("logo_draft", in: preview.text))
        #expect(Data(base64Encoded: kept).map(Array.init) == logo)

        // Back to the form: every value and the chosen logo are still there.
        let back = try browser.postMultipart("/admin/branding/edit", fields.merging(["logo_draft": kept]) { $1 }, file: nil)
        #expect(back.status == 200)
        #expect(back.text.contains(#"value="Draft Name""#))
        #expect(back.text.contains("The logo you chose is kept"))
        #expect(Browser.hiddenValue("logo_draft", in: back.text) == kept)
        #expect(try AdminFixtures.branding(tenantID: admin.tenantID).logoType == nil, "nothing saved yet")

        // Save from the preview's bar: the draft and its logo are stored.
        let saved = try browser.postMultipart("/admin/branding", fields.merging(["logo_draft": kept]) { $1 }, file: nil)
        #expect(saved.status == 303)
        let after = try AdminFixtures.branding(tenantID: admin.tenantID)
        #expect(after.displayName == "Draft Name" && after.logoType == "image/png")
    }

    @Test func aRefusedSaveKeepsTheChosenLogo() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        let logo = AdminFixtures.png(width: 8, height: 8)
        let refused = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(["primary_color": "blue"]),
            file: (name: "logo", filename: "logo.png", type: "image/png", bytes: logo))
        #expect(refused.status == 422)
        #expect(refused.text.contains("The logo you chose is kept"))
        let kept = try #require(Browser.hiddenValue("logo_draft", in: refused.text))
        let corrected = try browser.postMultipart(
            "/admin/branding", AdminFixtures.brandingFields(["logo_draft": kept]), file: nil)
        #expect(corrected.status == 303)
        #expect(try AdminFixtures.branding(tenantID: admin.tenantID).logoType == "image/png")
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
