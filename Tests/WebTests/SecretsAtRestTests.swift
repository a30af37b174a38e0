import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// Gateway keys and WhatsApp device tokens are kept encrypted under `SECRETS_KEY`, a plain value is
/// sealed when a server starts, and a server without the key, or with the wrong one, does not start.
@Suite struct SecretsAtRestTests {
    static let repository = GatewayAccountTests.repository

    private static func stored(_ id: UUID) throws -> (plain: String?, sealed: [UInt8]?, opened: String?) {
        let row = try TestDatabase.owner.query(
            """
            select settings::text as plain, settings_sealed as sealed, pgp_sym_decrypt(settings_sealed, $2) as opened
            from payment_gateways where id = $1
            """, id, TestDatabase.secretsKey
        ).first!
        return (
            row.decode("plain", as: String?.self), row.decode("sealed", as: [UInt8]?.self),
            row.decode("opened", as: String?.self)
        )
    }

    @Test func aSavedAccountsKeysAreStoredOnlyEncryptedAndReadBackWhole() throws {
        let tenant = try GatewayAccountTests.tenant(customGateway: true)
        let key = "SB-Mid-server-" + RandomToken.hex()
        let saved = try Self.repository.upsert(
            for: tenant, provider: .midtrans, settings: ["server_key": key], isSandbox: true, isActive: true)
        #expect(saved.settings == ["server_key": key])

        let row = try Self.stored(saved.id)
        #expect(row.plain == nil, "no plain copy")
        let sealed = try #require(row.sealed)
        #expect(!String(decoding: sealed, as: UTF8.self).contains(key))
        #expect(!String(decoding: sealed, as: UTF8.self).contains("server_key"))
        #expect(row.opened?.contains(key) == true, "SECRETS_KEY opens it")
        #expect(try Self.repository.effectiveAccount(for: tenant)?.settings["server_key"] == key)

        let wrongKey = #expect(throws: PostgresError.self) {
            try TestDatabase.owner.query(
                "select pgp_sym_decrypt(settings_sealed, $2) from payment_gateways where id = $1", saved.id,
                String(repeating: "0", count: 64))
        }
        #expect(wrongKey != nil, "another key opens nothing")
    }

    @Test func aPlainAccountWrittenBeforeEncryptionIsSealedWhenAServerStarts() throws {
        let tenant = try GatewayAccountTests.tenant(customGateway: true)
        let secret = "plain-" + RandomToken.hex()
        let id = try TestDatabase.owner.query(
            """
            insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
            values ($1, 'sandbox', jsonb_build_object('secret', $2::text), true, true) returning id
            """, tenant.id, secret
        ).first!.decode("id", as: UUID.self)
        #expect(try Self.stored(id).plain?.contains(secret) == true)

        let server = try InProcessServer()
        defer { server.stop() }
        let row = try Self.stored(id)
        #expect(row.plain == nil)
        #expect(row.opened?.contains(secret) == true)
        #expect(try Self.repository.effectiveAccount(for: tenant)?.settings["secret"] == secret)
    }

    /// Sealing changes how an account's keys are stored, not what they are: the checkout page it opened
    /// stays, so a buyer pressing Pay again lands on it instead of the gateway being asked a second time
    /// for the same order (any server's start seals, at any moment). A real change still forgets it.
    @Test func sealingAPlainAccountKeepsTheCheckoutPagesItOpened() throws {
        let tenant = try GatewayAccountTests.tenant(customGateway: true)
        let gatewayID = try TestDatabase.owner.query(
            """
            insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
            values ($1, 'sandbox', jsonb_build_object('secret', $2::text), true, true) returning id
            """, tenant.id, "plain-" + RandomToken.hex()
        ).first!.decode("id", as: UUID.self)
        let profileID = try AdminSalesFixtures.profile(tenantID: tenant.id)
        let order = try AdminSalesFixtures.order(tenantID: tenant.id, profileID: profileID, status: "pending")
        let page = "/sandbox/checkout/\(order.number)"
        try TestDatabase.owner.query(
            "update voucher_orders set gateway_id = $2, checkout_url = $3 where id = $1", order.id, gatewayID, page)
        func checkoutURL() throws -> String? {
            try TestDatabase.owner.query("select checkout_url from voucher_orders where id = $1", order.id).first?
                .decode("checkout_url", as: String?.self)
        }

        try SecretsAtRest(database: GatewayAccountTests.database, secrets: SecretsKey(passphrase: TestDatabase.secretsKey))
            .sealPlainValues()
        #expect(try Self.stored(gatewayID).plain == nil, "sealed")
        #expect(try checkoutURL() == page)

        try TestDatabase.owner.query("update payment_gateways set is_sandbox = false where id = $1", gatewayID)
        #expect(try checkoutURL() == nil, "a real change of the account forgets its pages")
    }

    @Test func withoutSecretsKeyTheServerDoesNotStartAndSaysWhy() throws {
        let (status, output) = try ChildProcess.run(
            GerbangProcess.executablePath, ["serve"],
            environment: ["SECRETS_KEY": "", "PORT": "0", "BIND": "127.0.0.1"])
        #expect(status != 0)
        #expect(output.contains("SECRETS_KEY is not set"))
    }

    @Test func withTheWrongSecretsKeyTheServerDoesNotStartAndSaysWhy() throws {
        // Something sealed under the test run's key exists for the wrong key to fail on.
        let tenant = try GatewayAccountTests.tenant(customGateway: true)
        try Self.repository.upsert(
            for: tenant, provider: .sandbox, settings: ["secret": RandomToken.hex()], isSandbox: true, isActive: true)
        let (status, output) = try ChildProcess.run(
            GerbangProcess.executablePath, ["serve"],
            environment: [
                "SECRETS_KEY": String(repeating: "ab", count: 32), "PORT": "0", "BIND": "127.0.0.1",
                "MIGRATIONS_DIR": GerbangProcess.repositoryRoot + "/db/migrations",
                "PUBLIC_DIR": GerbangProcess.repositoryRoot + "/Public", "CONTENT_DIR": GerbangProcess.repositoryRoot + "/content",
            ])
        #expect(status != 0)
        #expect(output.contains("SECRETS_KEY does not decrypt"))
        #expect(!output.contains(String(repeating: "ab", count: 32)), "the key itself is never printed")
    }

    @Test func theKeyIsRedactedWhereverItIsDescribed() {
        let key = SecretsKey(passphrase: TestDatabase.secretsKey)
        #expect(!"\(key)".contains(TestDatabase.secretsKey))
        #expect(!String(reflecting: key).contains(TestDatabase.secretsKey))
    }
}
