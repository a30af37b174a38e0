import Foundation
import Postgres

/// Saves a tenant's payment settings, audited: the custom-gateway switch on `tenants` and, when keys
/// are complete, the tenant's own account for the chosen provider (made its active one). One
/// transaction in the tenant's scope holds the change and its one `audit_log` row, whose before and
/// after carry keys only masked. A save that changes nothing writes no audit row.
struct AdminPaymentsEditor: Sendable {
    let database: PostgresPool
    let secrets: SecretsKey

    /// - Parameter draft: a draft without errors.
    func save(_ draft: AdminPaymentsDraft, for tenant: Tenant, by actor: AuditActor) throws {
        try database.scoped(to: tenant).transaction { db in
            let wasOn = try db.query(
                "select use_custom_payment_gateway from tenants where id = $1 for update", tenant.id
            ).single().decode("use_custom_payment_gateway", as: Bool.self)
            let stored = try db.query(
                """
                select id, tenant_id, provider, coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $2)) as settings, is_sandbox, is_active from payment_gateways
                where tenant_id = $1 for update
                """, tenant.id, secrets.passphrase
            ).map(PaymentGatewayRepository.account(from:))
            let activeBefore = stored.first(where: \.isActive)
            let storedKeys = stored.first { $0.provider == draft.provider }?.settings ?? [:]
            let settings = storedKeys.merging(draft.typedKeys) { $1 }
            let isComplete = PaymentGatewayRepository.requiredKeys(for: draft.provider)
                .allSatisfy { !(settings[$0] ?? "").isEmpty }
            var activeAfter = activeBefore
            if isComplete {
                activeAfter = try PaymentGatewayRepository.upsert(
                    for: tenant.id, provider: draft.provider, settings: settings, isSandbox: draft.isSandbox,
                    isActive: true, secrets: secrets, on: db)
            }
            try db.query(
                "update tenants set use_custom_payment_gateway = $2, updated_at = now() where id = $1 and use_custom_payment_gateway <> $2",
                tenant.id, draft.useOwnGateway)
            try db.query(
                """
                with doc as (
                    select jsonb_build_object('use_custom_payment_gateway', $4::boolean, 'account', $5::text::jsonb) as before,
                        jsonb_build_object('use_custom_payment_gateway', $6::boolean, 'account', $7::text::jsonb) as after
                )
                select audit($1, $2, $3, 'payments.update', 'payment_gateways', before, after) from doc
                where before is distinct from after
                """, tenant.id, actor.email, actor.clientAddress, wasOn,
                activeBefore.map(PaymentGatewayRepository.maskedJSON), draft.useOwnGateway,
                activeAfter.map(PaymentGatewayRepository.maskedJSON))
        }
    }
}

extension AdminPaymentsEditor {
    /// The switch as stored (not as the cached tenant last saw it) and the tenant's own accounts.
    func current(for tenant: Tenant) throws -> (usesOwnGateway: Bool, accounts: [PaymentGatewayAccount]) {
        try database.scoped(to: tenant).transaction { db in
            let usesOwn =
                try db.query("select use_custom_payment_gateway from tenants where id = $1", tenant.id)
                .first?.decode("use_custom_payment_gateway", as: Bool.self) ?? false
            let accounts = try db.query(
                """
                select id, tenant_id, provider, coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $2)) as settings, is_sandbox, is_active from payment_gateways
                where tenant_id = $1
                order by is_active desc, provider
                """, tenant.id, secrets.passphrase
            ).map(PaymentGatewayRepository.account(from:))
            return (usesOwn, accounts)
        }
    }
}
