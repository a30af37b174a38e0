import Foundation
import TestSupport
import Testing

/// `/head-office/gateways`: the central accounts' keys are shown and audited only masked, a blank key keeps
/// the stored one, activation needs every key, and every save needs the session's token.
///
/// Only the central Xendit and Midtrans rows are touched, and never activated: other suites pay
/// through the central sandbox account at the same time. Serialized, since both tests share a row.
@Suite(.serialized) struct HeadOfficeGatewaysTests {
    static func centralSettings(_ provider: String) throws -> (settings: String, isActive: Bool)? {
        try TestDatabase.owner.query(
            """
            select coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $2)) as settings, is_active
            from payment_gateways where tenant_id is null and provider = $1
            """, provider, TestDatabase.secretsKey
        ).first.map { (try $0.decode("settings", as: String.self), try $0.decode("is_active", as: Bool.self)) }
    }

    @Test func keysAreShownAndAuditedOnlyMaskedAndABlankKeyKeepsTheStoredOne() throws {
        // On a real process, whose output is what must not hold a key.
        let (browser, admin) = try HeadOfficeFixtures.signedIn(server: HeadOfficeFixtures.process)
        try browser.get("/head-office/gateways")
        let secret = "xnd_development_\(UUID().uuidString)WXYZ"
        let token = "cb-\(UUID().uuidString)9876"
        let saved = try browser.post(
            "/head-office/gateways/xendit", ["key_secret_key": secret, "key_callback_token": token, "is_sandbox": "on"])
        #expect(saved.status == 303)
        #expect(saved.headers["Location"] == "/head-office/gateways?saved=1")
        #expect(try browser.get("/head-office/gateways?saved=1").text.contains(#"<p class="form-notice" role="status">"#))
        let stored = try #require(try Self.centralSettings("xendit"))
        #expect(stored.settings.contains(secret) && stored.settings.contains(token))
        #expect(!stored.isActive)

        let page = try browser.get("/head-office/gateways")
        #expect(page.text.contains("••••WXYZ"))
        #expect(page.text.contains("••••9876"))
        #expect(!page.text.contains(secret) && !page.text.contains(token))

        let newToken = "cb-\(UUID().uuidString)5555"
        #expect(try browser.post("/head-office/gateways/xendit", ["key_secret_key": " ", "key_callback_token": newToken]).status == 303)
        let kept = try #require(try Self.centralSettings("xendit"))
        #expect(kept.settings.contains(secret), "a blank key keeps the stored one")
        #expect(kept.settings.contains(newToken))

        let audit = try HeadOfficeFixtures.auditRows(actor: admin.email)
        #expect(audit.count == 2)
        #expect(audit.allSatisfy { $0.tenantID == nil && $0.action == "gateway.central.save" && $0.target == "xendit" })
        for row in audit {
            #expect(!row.document.contains(secret) && !row.document.contains(token) && !row.document.contains(newToken))
        }
        #expect(audit.last?.document.contains("••••5555") == true)
        #expect(!HeadOfficeFixtures.process.log.contains(secret), "never logged")
    }

    @Test func activatingWithoutEveryKeyIsRefusedWithAMessageAndChangesNothing() throws {
        try TestDatabase.owner.query("delete from payment_gateways where tenant_id is null and provider = 'midtrans' and not is_active")
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        try browser.get("/head-office/gateways")
        let refused = try browser.post("/head-office/gateways/midtrans", ["key_server_key": "", "is_active": "on"])
        #expect(refused.status == 422)
        #expect(refused.text.contains("Fill in every key before activating this gateway."))
        #expect(try Self.centralSettings("midtrans") == nil)
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).isEmpty)
    }

    @Test func aSaveWithoutTheSessionsTokenIsRefusedAndChangesNothing() throws {
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        try browser.get("/head-office/gateways")
        let before = try Self.centralSettings("xendit")
        let fields = ["key_secret_key": "forged-\(UUID())", "key_callback_token": "forged"]
        #expect(try browser.post("/head-office/gateways/xendit", fields, withCSRF: false).status == 403)
        #expect(
            try browser.post("/head-office/gateways/xendit", fields.merging(["_csrf": String(repeating: "c", count: 64)]) { $1 }).status
                == 403)
        #expect(try Self.centralSettings("xendit")?.settings == before?.settings)
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).isEmpty)
    }

    @Test func anUnknownProviderIsNotFound() throws {
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        try browser.get("/head-office/gateways")
        #expect(try browser.post("/head-office/gateways/paypal", ["key_secret": "x"]).status == 404)
    }
}
