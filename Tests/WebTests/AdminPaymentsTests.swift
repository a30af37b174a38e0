import Foundation
import TestSupport
import Testing

/// `/admin/payments`: the tenant's own gateway account and the switch that makes it take payments.
/// Keys are shown masked, never echoed, logged or audited in full; every change is one audit row.
@Suite struct AdminPaymentsTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    /// A key no other test uses, ending in `last4`.
    static func key(_ prefix: String, last4: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8))-\(last4)"
    }

    func switchIsOn() throws -> Bool {
        try TestDatabase.owner.query("select use_custom_payment_gateway as on from tenants where id = $1", admin.tenantID)
            .first!.decode("on", as: Bool.self)
    }

    func accounts() throws -> [(provider: String, settings: String, sandbox: Bool, active: Bool)] {
        try TestDatabase.owner.query(
            """
            select provider, pgp_sym_decrypt(settings_sealed, $2) as settings, is_sandbox, is_active from payment_gateways
            where tenant_id = $1 order by provider
            """, admin.tenantID, TestDatabase.secretsKey
        ).map {
            (
                try $0.decode("provider", as: String.self), try $0.decode("settings", as: String.self),
                try $0.decode("is_sandbox", as: Bool.self), try $0.decode("is_active", as: Bool.self)
            )
        }
    }

    func auditText() throws -> String {
        try TestDatabase.owner.query(
            "select coalesce(string_agg(before::text || ' ' || after::text, ' '), '') as t from audit_log where tenant_id = $1",
            admin.tenantID
        ).first!.decode("t", as: String.self)
    }

    @Test func switchingOnWithoutKeysIsRefusedWithAMessageAndChangesNothing() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/payments")
        let response = try browser.post(
            "/admin/payments", ["use_own_gateway": "on", "provider": "xendit", "environment": "production"])
        #expect(response.status == 422)
        #expect(response.text.contains("f-secret_key-error"))
        #expect(response.text.contains("f-webhook_token-error"))
        #expect(response.text.contains("Enter this key to take payments with your own account."))
        #expect(response.text.contains(#"<option value="xendit" selected>"#))
        #expect(try switchIsOn() == false)
        #expect(try accounts().isEmpty)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func savedKeysAreShownOnlyMaskedAndNeverReachTheLogOrTheAuditRow() throws {
        let serverKey = Self.key("SB-Mid-server", last4: "k9Q2")
        let clientKey = Self.key("SB-Mid-client", last4: "c7W1")
        // On a real process, whose output is what must not hold a key.
        let browser = try AdminFixtures.signedIn(admin, server: SharedServer.process)
        try browser.get("/admin/payments")
        let saved = try browser.post(
            "/admin/payments",
            [
                "use_own_gateway": "on", "provider": "midtrans", "environment": "sandbox", "secret_key": serverKey,
                "client_key": clientKey,
            ])
        #expect(saved.status == 303)
        #expect(try switchIsOn())
        let stored = try #require(try accounts().first)
        #expect(stored.provider == "midtrans" && stored.active && stored.sandbox)
        #expect(stored.settings.contains(serverKey) && stored.settings.contains(clientKey))

        let page = try browser.get("/admin/payments?saved=1")
        #expect(page.text.contains("Your own Midtrans account"))
        #expect(page.text.contains("••••k9Q2") && page.text.contains("••••c7W1"))
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)
        let audit = try auditText()
        #expect(audit.contains("••••k9Q2"))
        for key in [serverKey, clientKey] {
            #expect(!page.text.contains(key))
            #expect(!audit.contains(key))
            #expect(!SharedServer.process.log.contains(key))
        }
    }

    @Test func aBlankKeyFieldKeepsTheStoredKeyAndEachChangeIsOneAuditRow() throws {
        let secret = Self.key("xnd_development", last4: "AAAA")
        let token = Self.key("cb", last4: "BBBB")
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/payments")
        try browser.post(
            "/admin/payments",
            ["provider": "xendit", "environment": "sandbox", "secret_key": secret, "webhook_token": token])
        #expect(try switchIsOn() == false)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)

        let switched = try browser.post(
            "/admin/payments", ["use_own_gateway": "on", "provider": "xendit", "environment": "production"])
        #expect(switched.status == 303)
        let account = try #require(try accounts().first)
        #expect(account.settings.contains(secret) && account.settings.contains(token))
        #expect(!account.sandbox)
        #expect(try switchIsOn())
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)

        // The same settings again: nothing changed, nothing audited.
        try browser.post("/admin/payments", ["use_own_gateway": "on", "provider": "xendit", "environment": "production"])
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 2)

        try browser.post("/admin/payments", ["provider": "xendit", "environment": "production"])
        #expect(try switchIsOn() == false)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 3)
    }

    @Test func aPostWithoutTheCSRFTokenIsRefusedAndChangesNothing() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/payments")
        let fields = ["use_own_gateway": "on", "provider": "sandbox", "environment": "sandbox", "secret_key": "s3cret-1234"]
        #expect(try browser.post("/admin/payments", fields, withCSRF: false).status == 403)
        #expect(try browser.post("/admin/payments", fields.merging(["_csrf": String(repeating: "0", count: 64)]) { $1 }).status == 403)
        #expect(try switchIsOn() == false)
        #expect(try accounts().isEmpty)
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 0)
    }

    @Test func aTenantIdInTheFormChangesOnlyTheSignedInAdminsOwnTenant() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/payments")
        try browser.post(
            "/admin/payments",
            [
                "use_own_gateway": "on", "provider": "sandbox", "environment": "sandbox", "secret_key": "theirs-5678",
                "tenant_id": other.tenantID.uuidString,
            ])
        let theirSwitch = try TestDatabase.owner.query(
            "select use_custom_payment_gateway as on from tenants where id = $1", other.tenantID
        ).first!.decode("on", as: Bool.self)
        #expect(theirSwitch == false)
        let theirAccounts = try TestDatabase.owner.query(
            "select count(*) as n from payment_gateways where tenant_id = $1", other.tenantID
        ).first!.decode("n", as: Int.self)
        #expect(theirAccounts == 0)
        #expect(try AdminFixtures.auditRows(tenantID: other.tenantID) == 0)
        #expect(try switchIsOn())
    }

    @Test func afterSwitchingANewOrdersCheckoutGoesToTheTenantsOwnAccount() throws {
        let profileID = try AdminSalesFixtures.profile(tenantID: admin.tenantID)
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/payments")
        let saved = try browser.post(
            "/admin/payments",
            ["use_own_gateway": "on", "provider": "sandbox", "environment": "sandbox", "secret_key": UUID().uuidString])
        #expect(saved.status == 303)
        let ownID = try TestDatabase.owner.query(
            "select id from payment_gateways where tenant_id = $1 and provider = 'sandbox' and is_active", admin.tenantID
        ).first!.decode("id", as: UUID.self)

        let buyer = Browser(host: admin.host)
        let response = try OrderAttempt.start(buyer, profileID: profileID).submit()
        #expect(response.status == 303)
        let number = try #require(response.orderNumber)
        let gatewayID = try TestDatabase.owner.query(
            "select gateway_id from voucher_orders where tenant_id = $1 and order_number = $2", admin.tenantID, number
        ).first!.decode("gateway_id", as: UUID?.self)
        #expect(gatewayID == ownID)
    }

    @Test func thePageNeedsATenantAdminSession() throws {
        let stranger = PortalBrowser(host: admin.host)
        #expect(try stranger.get("/admin/payments").status == 303)
        #expect(try stranger.post("/admin/payments", ["use_own_gateway": "on"]).status == 303)
        #expect(try switchIsOn() == false)
    }
}
