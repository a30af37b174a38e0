import Foundation
import Testing
import TestSupport

/// `/admin/whatsapp`: the tenant's own WhatsApp number (its Fonnte device) for the buyers' codes.
/// The token is shown masked, never echoed, logged or audited in full; every change is one audit row.
@Suite struct AdminWhatsAppTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    /// A token no other test uses, ending in `last4`.
    static func token(last4: String) -> String {
        "fonnte\(UUID().uuidString.prefix(8))\(last4)"
    }

    func stored() throws -> (token: String, active: Bool)? {
        try TestDatabase.owner.query(
            """
            select pgp_sym_decrypt(token_sealed, $2) as token, is_active from tenant_whatsapp_senders
            where tenant_id = $1 and token is null
            """, admin.tenantID, TestDatabase.secretsKey
        ).first.map { (try $0.decode("token", as: String.self), try $0.decode("is_active", as: Bool.self)) }
    }

    func auditText() throws -> String {
        try TestDatabase.owner.query(
            """
            select coalesce(string_agg(coalesce(before::text, '-') || ' ' || after::text, ' '), '') as t
            from audit_log where tenant_id = $1 and action = 'whatsapp.update'
            """, admin.tenantID
        ).first!.decode("t", as: String.self)
    }

    @Test func theNavigationLinksThePageAndItSaysWhoSendsNow() throws {
        let browser = try AdminFixtures.signedIn(admin)
        let page = try browser.get("/admin/whatsapp")
        #expect(page.status == 200)
        #expect(page.headers["Cache-Control"] == "no-store")
        #expect(page.text.contains(#"<a href="/admin/whatsapp">WhatsApp</a>"#))
        // The shared test server has no platform sender.
        #expect(page.text.contains("None: messages wait until a sender is set"))
    }

    @Test func switchingOnWithoutATokenIsRefusedWithTheSwitchKeptAndNothingStored() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/whatsapp")
        let response = try browser.post("/admin/whatsapp", ["use_own_sender": "on", "fonnte_token": " "])
        #expect(response.status == 422)
        #expect(response.text.contains("f-fonnte_token-error"))
        #expect(response.text.contains("Enter the device token to send from your own number."))
        #expect(response.text.contains(/name="use_own_sender"[^>]* checked/), "the switch stays on")
        #expect(try stored() == nil)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)

        let malformed = try browser.post("/admin/whatsapp", ["use_own_sender": "on", "fonnte_token": "has a space"])
        #expect(malformed.status == 422)
        #expect(malformed.text.contains("A device token is 8 to 200 characters without spaces."))
        #expect(!malformed.text.contains("has a space"), "the token field is never filled back")
        #expect(try stored() == nil)
    }

    @Test func aSavedTokenIsShownOnlyMaskedAndNeverReachesTheLogOrTheAuditRow() throws {
        let token = Self.token(last4: "Wq7Z")
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/whatsapp")
        let saved = try browser.post("/admin/whatsapp", ["use_own_sender": "on", "fonnte_token": token])
        #expect(saved.status == 303)
        #expect(saved.headers["Location"] == "/admin/whatsapp?saved=1")
        #expect(try stored()?.token == token)
        #expect(try stored()?.active == true)

        let page = try browser.get("/admin/whatsapp?saved=1")
        #expect(page.text.contains("Your own number (Fonnte)"))
        #expect(page.text.contains("••••Wq7Z"))
        #expect(!page.text.contains(token))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
        let audit = try auditText()
        #expect(audit.contains("••••Wq7Z"))
        #expect(!audit.contains(token))
        #expect(!SharedServer.process.log.contains(token))

        // Off again, the token field left blank: the token stays for later, the platform's sender (none here) is back.
        #expect(try browser.post("/admin/whatsapp", ["fonnte_token": ""]).status == 303)
        #expect(try stored()?.token == token)
        #expect(try stored()?.active == false)
        #expect(try browser.get("/admin/whatsapp").text.contains("None: messages wait until a sender is set"))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)
        // Saving the same again changes nothing and writes no audit row.
        #expect(try browser.post("/admin/whatsapp", ["fonnte_token": ""]).status == 303)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)
    }

    @Test func aPostWithoutAValidCSRFTokenChangesNothing() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/whatsapp")
        let fields = ["use_own_sender": "on", "fonnte_token": Self.token(last4: "Xx11")]
        #expect(try browser.post("/admin/whatsapp", fields, withCSRF: false).status == 403)
        #expect(try browser.post("/admin/whatsapp", fields.merging(["_csrf": String(repeating: "0", count: 64)]) { $1 }).status == 403)
        #expect(try stored() == nil)
    }

    @Test func anotherTenantsAdminSeesNothingOfThisTenantsToken() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/whatsapp")
        #expect(try browser.post("/admin/whatsapp", ["use_own_sender": "on", "fonnte_token": Self.token(last4: "Aa99")]).status == 303)
        let other = try AdminFixtures.tenantWithAdmin()
        let page = try AdminFixtures.signedIn(other).get("/admin/whatsapp")
        #expect(!page.text.contains("••••Aa99"))
        #expect(page.text.contains("None: messages wait until a sender is set"))
    }
}
