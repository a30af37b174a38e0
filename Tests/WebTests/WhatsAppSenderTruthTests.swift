import Foundation
import TestSupport
import Testing

/// With no WhatsApp sender for a store (the test server has no platform sender; a tenant may link its
/// own number), the store stops promising codes by WhatsApp, the admin is warned on its pages, and every
/// waiting message says why it waits.
@Suite struct WhatsAppSenderTruthTests {
    typealias F = AdminSalesFixtures
    let admin: AdminFixtures.Admin
    let profileID: UUID

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
        profileID = try F.profile(tenantID: admin.tenantID)
    }

    static func linkOwnSender(tenantID: UUID) throws {
        try TestDatabase.owner.query(
            "insert into tenant_whatsapp_senders (tenant_id, token, is_active) values ($1, 'own-device-token', true)", tenantID)
    }

    /// The page once it contains `text`, within a second (a sender change reaches the site cache by NOTIFY).
    static func page(_ path: String, on browser: PortalBrowser, containing text: String) throws -> String {
        let deadline = Date().addingTimeInterval(1)
        var page = try browser.get(path).text
        while !page.contains(text), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            page = try browser.get(path).text
        }
        return page
    }

    @Test func withoutASenderTheStorePromisesNoWhatsAppAndTheAdminIsWarnedUntilOneIsLinked() throws {
        let promise = "We send the voucher codes to this number."
        let store = PortalBrowser(host: admin.host)
        let package = "/vouchers/\(profileID.uuidString.lowercased())?lang=en"
        let withoutSender = try store.get(package).text
        #expect(!withoutSender.contains(promise))
        #expect(withoutSender.contains("Your codes appear on the order page after payment"))
        #expect(!(try store.get("/admin/login?lang=en").text.contains("No WhatsApp number")), "the public sign-in says nothing")

        let browser = try AdminFixtures.signedIn(admin)
        for path in ["/admin/orders", "/admin/branding", "/admin/profiles"] {
            let page = try browser.get(path + "?lang=en").text
            #expect(page.contains(#"<p class="form-alert site-alert" role="alert">"#), "\(path)")
            #expect(page.contains("No WhatsApp number sends this store"), "\(path)")
        }

        try Self.linkOwnSender(tenantID: admin.tenantID)
        #expect(try Self.page(package, on: store, containing: promise).contains(promise))
        #expect(!(try browser.get("/admin/orders?lang=en").text.contains("No WhatsApp number sends this store")))
    }

    @Test func everyWaitingMessageSaysWhyItWaits() throws {
        let order = try F.order(tenantID: admin.tenantID, profileID: profileID, phone: "+6281299990001")
        try F.message(tenantID: admin.tenantID, reference: order.number, status: "pending", attempts: 0)
        let browser = try AdminFixtures.signedIn(admin)
        let withoutSender = try browser.get("/admin/orders/\(order.number)?lang=en").text
        #expect(withoutSender.contains("Waits for a sender: no WhatsApp number sends this store"))

        try Self.linkOwnSender(tenantID: admin.tenantID)
        let notTried = try Self.page("/admin/orders/\(order.number)?lang=en", on: browser, containing: "Not tried yet")
        #expect(notTried.contains("Not tried yet; first attempt "))
        #expect(!notTried.contains("Waits for a sender"))
    }
}
