import Foundation
import TestSupport
import Testing

/// `/admin/whatsapp`: the tenant's own WhatsApp senders (its Fonnte devices) for the buyers' messages.
/// Tokens are shown masked, never echoed, logged or audited in full; every change is one audit row.
@Suite struct AdminWhatsAppTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    /// A token no other test uses, ending in `last4`.
    static func token(last4: String) -> String {
        "fonnte\(UUID().uuidString.prefix(8))\(last4)"
    }

    struct Stored: Equatable {
        let id: UUID
        let name: String
        let token: String
        let perMinute: Int
        let active: Bool
    }

    func stored() throws -> [Stored] {
        try TestDatabase.owner.query(
            """
            select id, name, pgp_sym_decrypt(token_sealed, $2) as token, per_minute, is_active from tenant_whatsapp_senders
            where tenant_id = $1 and token is null order by created_at
            """, admin.tenantID, TestDatabase.secretsKey
        ).map {
            Stored(
                id: try $0.decode("id"), name: try $0.decode("name"), token: try $0.decode("token"),
                perMinute: try $0.decode("per_minute"), active: try $0.decode("is_active"))
        }
    }

    func auditText() throws -> String {
        try TestDatabase.owner.query(
            """
            select coalesce(string_agg(action || ' ' || coalesce(before::text, '-') || ' ' || coalesce(after::text, '-'), ' '), '') as t
            from audit_log where tenant_id = $1 and action like 'whatsapp.%'
            """, admin.tenantID
        ).first!.decode("t", as: String.self)
    }

    static func sender(_ token: String, name: String = "Kantor 1", perMinute: String = "20", active: Bool = true)
        -> [String: String]
    {
        var fields = ["name": name, "fonnte_token": token, "per_minute": perMinute]
        if active { fields["active"] = "on" }
        return fields
    }

    @Test func theNavigationLinksThePageAndItSaysWhoSendsNow() throws {
        let browser = try AdminFixtures.signedIn(admin)
        let page = try browser.get("/admin/whatsapp")
        #expect(page.status == 200)
        #expect(page.headers["Cache-Control"] == "no-store")
        #expect(page.text.contains(#"<a href="/admin/whatsapp" aria-current="page">WhatsApp</a>"#))
        // The shared test server has no platform sender.
        #expect(page.text.contains("None: messages wait until a sender is set"))
        #expect(page.text.contains("No sender of your own yet."))
    }

    @Test func addingWithoutATokenOrWithBadFieldsIsRefusedWithTheInputKeptAndNothingStored() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/whatsapp")
        let response = try browser.post("/admin/whatsapp/senders", Self.sender(" ", name: "Kantor <1>"))
        #expect(response.status == 422)
        #expect(response.text.contains("f-fonnte_token-error"))
        #expect(response.text.contains("Enter the device token to send from your own number."))
        #expect(response.text.contains(#"value="Kantor &lt;1&gt;""#), "the name is kept")
        #expect(response.text.contains(/name="active"[^>]* checked/), "the switch stays on")
        #expect(try stored().isEmpty)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)

        let malformed = try browser.post("/admin/whatsapp/senders", Self.sender("has a space", name: "", perMinute: "0"))
        #expect(malformed.status == 422)
        #expect(malformed.text.contains("A device token is 8 to 200 characters without spaces."))
        #expect(malformed.text.contains("Give the sender a name of 1 to 60 characters."))
        #expect(malformed.text.contains("Enter a whole number from 1 to 1000."))
        #expect(!malformed.text.contains("has a space"), "the token field is never filled back")
        #expect(try stored().isEmpty)
    }

    @Test func sendersAreAddedEditedAndDeletedWithTokensOnlyEverMasked() throws {
        let first = Self.token(last4: "Wq7Z")
        let second = Self.token(last4: "Rt5Y")
        // On a real process, whose output is what must not hold a token.
        let browser = try AdminFixtures.signedIn(admin, server: SharedServer.process)
        try browser.get("/admin/whatsapp")
        let saved = try browser.post("/admin/whatsapp/senders", Self.sender(first, name: "Kantor 1", perMinute: "30"))
        #expect(saved.status == 303)
        #expect(saved.headers["Location"] == "/admin/whatsapp?saved=1")
        #expect(try browser.post("/admin/whatsapp/senders", Self.sender(second, name: "Gudang", perMinute: "12")).status == 303)
        var senders = try stored()
        #expect(senders.map(\.token) == [first, second])
        #expect(senders.map(\.perMinute) == [30, 12])
        #expect(senders.allSatisfy { $0.active })

        let page = try browser.get("/admin/whatsapp?saved=1")
        #expect(page.text.contains("Your own number (Fonnte)"))
        #expect(page.text.contains("••••Wq7Z") && page.text.contains("••••Rt5Y"))
        #expect(!page.text.contains(first) && !page.text.contains(second))

        // Edited with the token left blank: the token stays; switched off.
        let editPath = "/admin/whatsapp/senders/\(senders[0].id.uuidString.lowercased())"
        let form = try browser.get(editPath)
        #expect(form.status == 200)
        #expect(form.text.contains("Stored: ••••Wq7Z. Leave blank to keep it."))
        #expect(!form.text.contains(first))
        #expect(try browser.post(editPath, Self.sender("", name: "Kantor Pusat", perMinute: "40", active: false)).status == 303)
        senders = try stored()
        #expect(senders[0] == Stored(id: senders[0].id, name: "Kantor Pusat", token: first, perMinute: 40, active: false))
        // The same again changes nothing and writes no audit row.
        let rows = try AdminFixtures.auditRows(tenantID: admin.tenantID)
        #expect(try browser.post(editPath, Self.sender("", name: "Kantor Pusat", perMinute: "40", active: false)).status == 303)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == rows)

        #expect(try browser.post(editPath + "/delete").status == 303)
        #expect(try stored().map(\.token) == [second])
        #expect(try browser.get(editPath).status == 404)

        let audit = try auditText()
        #expect(audit.contains("whatsapp.sender_create") && audit.contains("whatsapp.sender_update"))
        #expect(audit.contains("whatsapp.sender_delete"))
        #expect(audit.contains("••••Wq7Z"))
        #expect(!audit.contains(first) && !audit.contains(second))
        #expect(!SharedServer.process.log.contains(first))
    }

    @Test func aPostWithoutAValidCSRFTokenChangesNothing() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/whatsapp")
        let fields = Self.sender(Self.token(last4: "Xx11"))
        #expect(try browser.post("/admin/whatsapp/senders", fields, withCSRF: false).status == 403)
        #expect(
            try browser.post("/admin/whatsapp/senders", fields.merging(["_csrf": String(repeating: "0", count: 64)]) { $1 }).status
                == 403)
        #expect(try stored().isEmpty)
    }

    @Test func anotherTenantsAdminNeitherSeesNorTouchesThisTenantsSenders() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/whatsapp")
        #expect(try browser.post("/admin/whatsapp/senders", Self.sender(Self.token(last4: "Aa99"))).status == 303)
        let path = "/admin/whatsapp/senders/\(try stored()[0].id.uuidString.lowercased())"
        let other = try AdminFixtures.signedIn(try AdminFixtures.tenantWithAdmin())
        let page = try other.get("/admin/whatsapp")
        #expect(!page.text.contains("••••Aa99"))
        #expect(page.text.contains("None: messages wait until a sender is set"))
        #expect(try other.get(path).status == 404)
        #expect(try other.post(path, Self.sender("", name: "Taken")).status == 404)
        #expect(try other.post(path + "/delete").status == 404)
        #expect(try other.get("/admin/whatsapp/senders/not-a-uuid").status == 404)
        #expect(try stored().count == 1)
    }

    @Test func anOrdersPageSaysWhichSenderTookEachMessage() throws {
        typealias F = AdminSalesFixtures
        let order = try F.order(tenantID: admin.tenantID, profileID: try F.profile(tenantID: admin.tenantID))
        try F.message(tenantID: admin.tenantID, reference: order.number, status: "sent", attempts: 1, sent: true)
        try F.message(tenantID: admin.tenantID, reference: order.number, status: "sent", attempts: 2, sent: true)
        try TestDatabase.owner.query(
            """
            update notifications set sent_by = case when attempts = 1 then 'own:Kantor <Pusat>' else 'platform:gw1' end
            where tenant_id = $1 and subject_ref = $2
            """, admin.tenantID, order.number)
        let page = try AdminFixtures.signedIn(admin).get("/admin/orders/\(order.number)?lang=en").text
        #expect(page.contains("through Kantor &lt;Pusat&gt;"))
        #expect(page.contains("through the platform's number"))
        #expect(!page.contains("gw1"), "the platform's device names are its own business")
    }
}
