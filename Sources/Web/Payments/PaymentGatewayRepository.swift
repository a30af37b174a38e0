import Foundation
import Postgres

/// The gateway accounts (`payment_gateways`): one central row (no tenant) for the platform and at
/// most one active row per tenant. Settings are jsonb holding string keys; they are passed to
/// PostgreSQL as JSON text parameters and never logged.
public struct PaymentGatewayRepository: Sendable {
    let database: PostgresPool

    public init(database: PostgresPool) {
        self.database = database
    }

    /// The account that takes this tenant's payments: its own active one when it chose a custom
    /// gateway and has one, otherwise the platform's active central account (nil: none configured).
    public func effectiveAccount(for tenant: Tenant) throws -> PaymentGatewayAccount? {
        let rows = try database.query(
            """
            select id, tenant_id, provider, settings::text as settings, is_sandbox, is_active
            from payment_gateways
            where is_active and (tenant_id is null or ($2 and tenant_id = $1))
            order by tenant_id is null
            limit 1
            """, tenant.id, tenant.usesCustomPaymentGateway)
        return try rows.first.map(Self.account(from:))
    }

    /// One account by id, active or not: a webhook is verified with the account that opened the
    /// checkout, even if an admin switched accounts since.
    public func account(id: UUID) throws -> PaymentGatewayAccount? {
        let rows = try database.query(
            """
            select id, tenant_id, provider, settings::text as settings, is_sandbox, is_active
            from payment_gateways where id = $1
            """, id)
        return try rows.first.map(Self.account(from:))
    }

    /// Creates or replaces the platform's account for `provider`. Activating it deactivates the
    /// platform's other accounts, since only one may be active.
    @discardableResult
    public func upsertCentral(
        provider: PaymentProvider, settings: [String: String], isSandbox: Bool, isActive: Bool
    ) throws -> PaymentGatewayAccount {
        try upsert(tenantID: nil, provider: provider, settings: settings, isSandbox: isSandbox, isActive: isActive)
    }

    /// Creates or replaces a tenant's own account for `provider`; activating it deactivates the
    /// tenant's other accounts. Whether it is used depends on the tenant's custom-gateway switch.
    @discardableResult
    public func upsert(
        for tenant: Tenant, provider: PaymentProvider, settings: [String: String], isSandbox: Bool, isActive: Bool
    ) throws -> PaymentGatewayAccount {
        try upsert(tenantID: tenant.id, provider: provider, settings: settings, isSandbox: isSandbox, isActive: isActive)
    }

    /// Settings as the JSON text a `$n::jsonb` parameter takes.
    public static func settingsJSON(_ settings: [String: String]) -> String {
        String(decoding: GatewayJSON.encode(settings), as: UTF8.self)
    }

    private func upsert(
        tenantID: UUID?, provider: PaymentProvider, settings: [String: String], isSandbox: Bool, isActive: Bool
    ) throws -> PaymentGatewayAccount {
        try database.transaction { db in
            if isActive {
                try db.query(
                    """
                    update payment_gateways set is_active = false, updated_at = now()
                    where tenant_id is not distinct from $1 and provider <> $2 and is_active
                    """, tenantID, provider.rawValue)
            }
            let rows = try db.query(
                """
                insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
                values ($1, $2, $3::jsonb, $4, $5)
                on conflict (tenant_id, provider) do update
                    set settings = excluded.settings, is_sandbox = excluded.is_sandbox,
                        is_active = excluded.is_active, updated_at = now()
                returning id, tenant_id, provider, settings::text as settings, is_sandbox, is_active
                """, tenantID, provider.rawValue, Self.settingsJSON(settings), isSandbox, isActive)
            return try Self.account(from: rows.first!)
        }
    }

    private static func account(from row: PostgresRow) throws -> PaymentGatewayAccount {
        let providerName = try row.decode("provider", as: String.self)
        guard let provider = PaymentProvider(rawValue: providerName) else {
            throw PostgresError(.decoding, "unknown payment provider \(providerName)")
        }
        return PaymentGatewayAccount(
            id: try row.decode("id", as: UUID.self), tenantID: row.decode("tenant_id", as: UUID?.self),
            provider: provider, settings: decodeSettings(try row.decode("settings", as: String.self)),
            isSandbox: try row.decode("is_sandbox", as: Bool.self), isActive: try row.decode("is_active", as: Bool.self))
    }

    /// Keeps string values only; anything else in the jsonb is not a key Gerbang wrote.
    private static func decodeSettings(_ text: String) -> [String: String] {
        guard let object = GatewayJSON(bytes: Array(text.utf8))?.object else { return [:] }
        return object.compactMapValues { $0 as? String }
    }
}
