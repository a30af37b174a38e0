import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// Which account takes a tenant's payments, and what adapter an account becomes.
@Suite struct GatewayAccountTests {
    static let database: PostgresPool = {
        var configuration = try! PostgresConfiguration(url: try! TestEnvironment.require("DATABASE_URL"))
        configuration.poolSize = 2
        return PostgresPool(configuration: configuration)
    }()

    static var repository: PaymentGatewayRepository {
        PaymentGatewayRepository(database: database, secrets: SecretsKey(passphrase: TestDatabase.secretsKey))
    }

    static func tenant(customGateway: Bool) throws -> Tenant {
        let (id, slug) = try TestDatabase.createTenant()
        try TestDatabase.owner.query("update tenants set use_custom_payment_gateway = $2 where id = $1", id, customGateway)
        return Tenant(id: id, slug: slug, name: "Test ISP", tier: .starter, usesCustomPaymentGateway: customGateway)
    }

    /// Some central account is active (other tests and the demo may have made one already).
    static func ensureCentralAccount() throws {
        try TestDatabase.owner.query(
            """
            insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
            select null, 'sandbox', $1::jsonb, true, true
            where not exists (select 1 from payment_gateways where tenant_id is null and is_active)
            on conflict do nothing
            """, PaymentGatewayRepository.settingsJSON(["secret": RandomToken.hex()]))
    }

    static func config(_ extra: [String: String] = [:]) throws -> AppConfig {
        try AppConfig(environment: ["DATABASE_URL": "postgresql://unused@127.0.0.1/unused"].merging(extra) { $1 })
    }

    @Test func tenantWithCustomGatewayUsesItsOwnActiveAccount() throws {
        try Self.ensureCentralAccount()
        let tenant = try Self.tenant(customGateway: true)
        let own = try Self.repository.upsert(
            for: tenant, provider: .midtrans, settings: ["server_key": "SB-Mid-server-own"], isSandbox: true, isActive: true)
        let effective = try #require(try Self.repository.effectiveAccount(for: tenant))
        #expect(effective == own)
        #expect(effective.tenantID == tenant.id)
        #expect(effective.settings == ["server_key": "SB-Mid-server-own"])
    }

    @Test func tenantWithoutTheSwitchUsesTheCentralAccountEvenWithItsOwn() throws {
        try Self.ensureCentralAccount()
        let tenant = try Self.tenant(customGateway: false)
        try Self.repository.upsert(
            for: tenant, provider: .xendit, settings: ["secret_key": "a", "callback_token": "b"], isSandbox: true, isActive: true)
        let effective = try #require(try Self.repository.effectiveAccount(for: tenant))
        #expect(effective.tenantID == nil)
        #expect(effective.isActive)
    }

    @Test func inactiveOwnAccountFallsBackToTheCentralOne() throws {
        try Self.ensureCentralAccount()
        let tenant = try Self.tenant(customGateway: true)
        try Self.repository.upsert(for: tenant, provider: .sandbox, settings: ["secret": "s"], isSandbox: true, isActive: false)
        #expect(try Self.repository.effectiveAccount(for: tenant)?.tenantID == nil)
    }

    @Test func activatingAnotherProviderDeactivatesThePreviousOne() throws {
        let tenant = try Self.tenant(customGateway: true)
        let first = try Self.repository.upsert(
            for: tenant, provider: .sandbox, settings: ["secret": "one"], isSandbox: true, isActive: true)
        let second = try Self.repository.upsert(
            for: tenant, provider: .xendit, settings: ["secret_key": "k", "callback_token": "t"], isSandbox: false, isActive: true)
        #expect(try Self.repository.effectiveAccount(for: tenant) == second)
        #expect(try Self.repository.account(id: first.id)?.isActive == false)
        let updated = try Self.repository.upsert(
            for: tenant, provider: .xendit, settings: ["secret_key": "k2", "callback_token": "t"], isSandbox: false, isActive: true)
        #expect(updated.id == second.id)
        #expect(try Self.repository.account(id: second.id)?.settings["secret_key"] == "k2")
    }

    @Test func hostileSettingsComeBackAsData() throws {
        let tenant = try Self.tenant(customGateway: true)
        let settings = ["secret": #"'; DROP TABLE payment_gateways; -- "\ {}"#, "note": "Rp 5.000 ✓"]
        let saved = try Self.repository.upsert(for: tenant, provider: .sandbox, settings: settings, isSandbox: true, isActive: true)
        #expect(try Self.repository.account(id: saved.id)?.settings == settings)
        #expect(try Self.repository.account(id: UUID()) == nil)
    }

    @Test func accountWithoutKeysBecomesAGatewayThatRefusesEverything() throws {
        let factory = GatewayFactory(config: try Self.config(), digests: Digests(database: Self.database), sandboxWebhookURL: { "" })
        for provider in PaymentProvider.allCases {
            let account = PaymentGatewayAccount(
                id: UUID(), tenantID: nil, provider: provider, settings: ["unrelated": "x"], isSandbox: true, isActive: true)
            let gateway = factory.gateway(for: account)
            #expect(gateway.provider == provider)
            let error = #expect(throws: GatewayError.self) {
                try gateway.createCheckout(
                    CheckoutRequest(
                        reference: "EV1", amount: 1, description: "", customerName: "", customerEmail: "", customerPhone: "",
                        items: [], returnURL: "/", expiresIn: .seconds(60)))
            }
            if case .misconfigured = error {} else { Issue.record("expected .misconfigured, got \(String(describing: error))") }
            #expect(throws: WebhookRejection.self) { try gateway.verify(WebhookDelivery(headers: [:], body: [])) }
        }
    }

    @Test func theSandboxIsOffUnlessAskedForAndThenRefusesEverything() throws {
        let account = PaymentGatewayAccount(
            id: UUID(), tenantID: nil, provider: .sandbox, settings: ["secret": "s"], isSandbox: true, isActive: true)
        let off = GatewayFactory(config: try Self.config(), digests: Digests(database: Self.database), sandboxWebhookURL: { "" })
        #expect(off.sandbox(for: account) == nil)
        let gateway = off.gateway(for: account)
        #expect(gateway is UnusableGateway)
        #expect(throws: WebhookRejection.self) { try gateway.verify(WebhookDelivery(headers: [:], body: [])) }
        #expect(GatewayAccountCache(repository: Self.repository, allowsSandbox: false).offeredProviders == [.midtrans, .xendit])

        let on = GatewayFactory(
            config: try Self.config(["SANDBOX_GATEWAY": "true"]), digests: Digests(database: Self.database),
            sandboxWebhookURL: { "" })
        #expect(on.gateway(for: account) is SandboxGateway)
        #expect(GatewayAccountCache(repository: Self.repository, allowsSandbox: true).offeredProviders == PaymentProvider.allCases)
    }

    @Test func retentionAndReconciliationSettingsAreReadAndCheckedByName() throws {
        let defaults = try Self.config()
        #expect(defaults.sandboxGateway == false)
        #expect(defaults.retention == RetentionSettings())
        #expect(defaults.reconcileAfter == .seconds(600))
        let set = try Self.config([
            "RETENTION_WEBHOOK_DAYS": "7", "RETENTION_AUDIT_DAYS": "400", "RECONCILE_AFTER_SECONDS": "120",
        ])
        #expect(set.retention.webhookEvents == .seconds(7 * 86_400))
        #expect(set.retention.auditLog == .seconds(400 * 86_400))
        #expect(set.reconcileAfter == .seconds(120))
        let error = #expect(throws: ConfigError.self) { try Self.config(["RETENTION_SECURITY_EVENTS_DAYS": "0"]) }
        #expect(error?.description.contains("RETENTION_SECURITY_EVENTS_DAYS") == true)
    }

    @Test func factoryPointsAdaptersAtTheConfiguredBaseURLs() throws {
        let config = try Self.config([
            "MIDTRANS_SNAP_URL": "http://127.0.0.1:4001", "MIDTRANS_API_URL": "http://127.0.0.1:4002",
            "XENDIT_API_URL": "http://127.0.0.1:4003", "GATEWAY_TIMEOUT_SECONDS": "3", "SANDBOX_GATEWAY": "true",
        ])
        let factory = GatewayFactory(config: config, digests: Digests(database: Self.database), sandboxWebhookURL: { "http://hook" })
        let midtrans = try #require(
            factory.gateway(
                for: PaymentGatewayAccount(
                    id: UUID(), tenantID: nil, provider: .midtrans, settings: ["server_key": "k"], isSandbox: false, isActive: true))
                as? MidtransGateway)
        #expect(midtrans.snapBaseURL == "http://127.0.0.1:4001")
        #expect(midtrans.apiBaseURL == "http://127.0.0.1:4002")
        #expect(midtrans.http.timeout == .seconds(3))
        let xendit = try #require(
            factory.gateway(
                for: PaymentGatewayAccount(
                    id: UUID(), tenantID: nil, provider: .xendit, settings: ["secret_key": "k", "callback_token": "t"], isSandbox: false,
                    isActive: true)) as? XenditGateway)
        #expect(xendit.baseURL == "http://127.0.0.1:4003")
        let sandbox = try #require(
            factory.sandbox(
                for: PaymentGatewayAccount(
                    id: UUID(), tenantID: nil, provider: .sandbox, settings: ["secret": "s"], isSandbox: true, isActive: true)))
        #expect(sandbox.webhookURL() == "http://hook")

        let production = GatewayFactory(config: try Self.config(), digests: Digests(database: Self.database), sandboxWebhookURL: { "" })
        let live = try #require(
            production.gateway(
                for: PaymentGatewayAccount(
                    id: UUID(), tenantID: nil, provider: .midtrans, settings: ["server_key": "k"], isSandbox: false, isActive: true))
                as? MidtransGateway)
        #expect(live.snapBaseURL == "https://app.midtrans.com")
        #expect(live.apiBaseURL == "https://api.midtrans.com")
    }
}
