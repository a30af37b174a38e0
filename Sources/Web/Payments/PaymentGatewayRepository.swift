import Foundation
import Postgres

/// The gateway accounts (`payment_gateways`): one central row (no tenant) for the platform and at
/// most one active row per tenant. Settings are string keys, stored as JSON encrypted by pgcrypto under
/// `SECRETS_KEY` (`settings_sealed`); the key and the settings reach PostgreSQL only as parameters and
/// are never logged. A plain `settings` value (an older row, or one written by hand) is read as it is
/// and sealed at the next start (`SecretsAtRest`).
///
/// A tenant's rows are read and written in its scope, which cannot see the central rows at all; the
/// central rows and the webhook's lookup by id cross tenants and say so with `unscoped`.
public struct PaymentGatewayRepository: Sendable {
    let database: PostgresPool
    let secrets: SecretsKey

    public init(database: PostgresPool, secrets: SecretsKey) {
        self.database = database
        self.secrets = secrets
    }

    /// The account that takes this tenant's payments: its own active one when it chose a custom
    /// gateway and has one, otherwise the platform's active central account (nil: none configured).
    ///
    /// The switch is read from `tenants`, not from the cached `tenant`, so the first checkout after an
    /// admin flips it already uses the new account.
    public func effectiveAccount(for tenant: Tenant) throws -> PaymentGatewayAccount? {
        let own = try database.scoped(to: tenant).query(
            """
            select id, tenant_id, provider, coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $2)) as settings, is_sandbox, is_active from payment_gateways
            where is_active and tenant_id = $1
                and exists (select 1 from tenants t where t.id = $1 and t.use_custom_payment_gateway)
            """, tenant.id, secrets.passphrase)
        if let row = own.first { return try Self.account(from: row) }
        // The platform's keys are no tenant's: its scope cannot read them, so they are read across tenants.
        return try database.unscoped.query(
            "select id, tenant_id, provider, coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $1)) as settings, is_sandbox, is_active from payment_gateways where tenant_id is null and is_active",
            secrets.passphrase
        ).first.map(Self.account(from:))
    }

    /// One account by id, active or not: a webhook is verified with the account that opened the
    /// checkout, even if an admin switched accounts since. The central webhook asks before it knows
    /// whose account it is, hence the cross-tenant scope.
    public func account(id: UUID) throws -> PaymentGatewayAccount? {
        let rows = try database.unscoped.query(
            "select id, tenant_id, provider, coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $2)) as settings, is_sandbox, is_active from payment_gateways where id = $1",
            id, secrets.passphrase)
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
                tenantID: nil, provider: provider, settings: settings, isSandbox: isSandbox, isActive: isActive,
                secrets: secrets, on: db)
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
                secrets: secrets, on: db)
        }
    }

    /// The same inside the caller's transaction (already in the tenant's scope), so a change and its
    /// audit row commit together.
    static func upsert(
        for tenantID: UUID, provider: PaymentProvider, settings: [String: String], isSandbox: Bool, isActive: Bool,
        secrets: SecretsKey, on connection: PostgresConnection
    ) throws -> PaymentGatewayAccount {
        try upsert(
            tenantID: tenantID, provider: provider, settings: settings, isSandbox: isSandbox, isActive: isActive,
            secrets: secrets, on: connection)
    }

    /// Settings as the JSON text a `$n::jsonb` parameter takes.
    public static func settingsJSON(_ settings: [String: String]) -> String {
        String(decoding: GatewayJSON.encode(settings), as: UTF8.self)
    }

    /// Creates or replaces the account, sealed, inside the caller's transaction; activating it
    /// deactivates the others of the same owner (a tenant, or the platform).
    static func upsert(
        tenantID: UUID?, provider: PaymentProvider, settings: [String: String], isSandbox: Bool, isActive: Bool,
        secrets: SecretsKey, on db: PostgresConnection
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
            insert into payment_gateways (tenant_id, provider, settings, settings_sealed, is_sandbox, is_active)
            values ($1, $2, null, pgp_sym_encrypt($3::jsonb::text, $6), $4, $5)
            on conflict (tenant_id, provider) do update
                set settings = null, settings_sealed = excluded.settings_sealed, is_sandbox = excluded.is_sandbox,
                    is_active = excluded.is_active, updated_at = now()
            returning id, tenant_id, provider, coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $6)) as settings, is_sandbox, is_active
            """, tenantID, provider.rawValue, settingsJSON(settings), isSandbox, isActive, secrets.passphrase)
        return try account(from: rows.single())
    }

    /// An account from a `payment_gateways` row whose `settings` column is the settings JSON, decrypted:
    /// `coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $key)) as settings` (a plain value wins:
    /// it was written by hand after the row was sealed).
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
