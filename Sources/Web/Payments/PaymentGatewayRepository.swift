import Foundation
import Postgres

/// The gateway accounts (`payment_gateways`): one central row (no tenant) for the platform and at
/// most one active row per tenant. Settings are jsonb holding string keys; they are passed to
/// PostgreSQL as JSON text parameters and never logged.
///
/// A tenant's rows are read and written in its scope (row-level security also lets that scope read,
/// never write, the central row it falls back to); the central rows and the webhook's lookup by id
/// cross tenants and say so with `unscoped`.
public struct PaymentGatewayRepository: Sendable {
    let database: PostgresPool

    public init(database: PostgresPool) {
        self.database = database
    }

    /// The account that takes this tenant's payments: its own active one when it chose a custom
    /// gateway and has one, otherwise the platform's active central account (nil: none configured).
    ///
    /// The switch is read from `tenants`, not from the cached `tenant`, so the first checkout after an
    /// admin flips it already uses the new account.
    public func effectiveAccount(for tenant: Tenant) throws -> PaymentGatewayAccount? {
        let rows = try database.scoped(to: tenant).query(
            """
            select g.id, g.tenant_id, g.provider, g.settings::text as settings, g.is_sandbox, g.is_active
            from payment_gateways g
            where g.is_active
                and (g.tenant_id is null
                    or (g.tenant_id = $1 and exists (
                        select 1 from tenants t where t.id = $1 and t.use_custom_payment_gateway)))
            order by g.tenant_id is null
            limit 1
            """, tenant.id)
        return try rows.first.map(Self.account(from:))
    }

    /// One account by id, active or not: a webhook is verified with the account that opened the
    /// checkout, even if an admin switched accounts since. The central webhook asks before it knows
    /// whose account it is, hence the cross-tenant scope.
    public func account(id: UUID) throws -> PaymentGatewayAccount? {
        let rows = try database.unscoped.query(
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
        try database.unscoped.transaction { db in
            try Self.upsert(
                tenantID: nil, provider: provider, settings: settings, isSandbox: isSandbox, isActive: isActive, on: db)
        }
    }

    /// Creates or replaces a tenant's own account for `provider`; activating it deactivates the
    /// tenant's other accounts. Whether it is used depends on the tenant's custom-gateway switch.
    @discardableResult
    public func upsert(
        for tenant: Tenant, provider: PaymentProvider, settings: [String: String], isSandbox: Bool, isActive: Bool
    ) throws -> PaymentGatewayAccount {
        try database.scoped(to: tenant).transaction { db in
            try Self.upsert(
                tenantID: tenant.id, provider: provider, settings: settings, isSandbox: isSandbox, isActive: isActive,
                on: db)
        }
    }

    /// The same inside the caller's transaction (already in the tenant's scope), so a change and its
    /// audit row commit together.
    static func upsert(
        for tenantID: UUID, provider: PaymentProvider, settings: [String: String], isSandbox: Bool, isActive: Bool,
        on connection: PostgresConnection
    ) throws -> PaymentGatewayAccount {
        try upsert(
            tenantID: tenantID, provider: provider, settings: settings, isSandbox: isSandbox, isActive: isActive,
            on: connection)
    }

    /// Settings as the JSON text a `$n::jsonb` parameter takes.
    public static func settingsJSON(_ settings: [String: String]) -> String {
        String(decoding: GatewayJSON.encode(settings), as: UTF8.self)
    }

    private static func upsert(
        tenantID: UUID?, provider: PaymentProvider, settings: [String: String], isSandbox: Bool, isActive: Bool,
        on db: PostgresConnection
    ) throws -> PaymentGatewayAccount {
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
            """, tenantID, provider.rawValue, settingsJSON(settings), isSandbox, isActive)
        return try account(from: rows.first!)
    }

    /// An account from a `payment_gateways` row with `settings::text as settings`.
    static func account(from row: PostgresRow) throws -> PaymentGatewayAccount {
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
