import Foundation
import Postgres

/// The database as one tenant's request sees it. Every call is one transaction that first sets
/// `app.tenant_id`, so PostgreSQL's row-level security confines each statement to that tenant's
/// rows, even a statement whose own `where tenant_id = …` was forgotten.
///
/// A call is one unit of work, not the whole request: a request that waits on a payment gateway
/// must not hold a pooled connection (and a transaction) open for that long.
struct TenantDatabase: DatabaseScope {
    let pool: PostgresPool
    let tenantID: UUID

    var settings: [(name: String, value: String)] { [(Self.tenantSetting, tenantID.uuidString)] }

    /// The setting the row-level-security policies read.
    static let tenantSetting = "app.tenant_id"
}

/// The database across every tenant: head office, the host → tenant lookup that happens before
/// any tenant is known, and the central webhook's lookup of a payment reference. Each use is
/// spelled `database.unscoped` so a reader (and `grep`) finds every path that crosses tenants.
struct UnscopedDatabase: DatabaseScope {
    let pool: PostgresPool

    var settings: [(name: String, value: String)] { [(Self.scopeSetting, "all")] }

    /// The setting the row-level-security policies read to let a cross-tenant path through.
    static let scopeSetting = "app.scope"
}

/// What `TenantDatabase` and `UnscopedDatabase` have in common, for the few stores whose rows are a
/// tenant's or head office's (tenant null): sessions, login attempts.
protocol DatabaseScope: Sendable {
    var pool: PostgresPool { get }
    /// What each of this scope's transactions sets first, for that transaction only.
    var settings: [(name: String, value: String)] { get }
}

extension DatabaseScope {
    /// Several statements in one transaction, its scope set first.
    @discardableResult
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(settings: settings, body)
    }

    /// One statement in its own scoped transaction, in one round trip (pipelined). Throws
    /// `PostgresError` only, like `PostgresPool.query`, so callers can catch a unique violation by type.
    @discardableResult
    func query(_ sql: StaticString, _ parameters: (any PostgresEncodable)?...) throws(PostgresError) -> PostgresRows {
        try pool.query(settings: settings, sql, parameters: parameters)
    }
}

extension PostgresPool {
    /// This tenant's rows only.
    func scoped(to tenant: Tenant) -> TenantDatabase { TenantDatabase(pool: self, tenantID: tenant.id) }

    func scoped(toTenantID id: UUID) -> TenantDatabase { TenantDatabase(pool: self, tenantID: id) }

    /// Every tenant's rows: head office and pre-tenant lookups only.
    var unscoped: UnscopedDatabase { UnscopedDatabase(pool: self) }

    /// The tenant's scope when there is a tenant; otherwise every tenant's. For rows that belong to
    /// head office when their tenant is null (a tenant scope cannot see those), and for lookups that
    /// serve both a tenant's site and the central webhook.
    func scopedOrUnscoped(tenantID id: UUID?) -> any DatabaseScope {
        if let id { TenantDatabase(pool: self, tenantID: id) } else { UnscopedDatabase(pool: self) }
    }
}
