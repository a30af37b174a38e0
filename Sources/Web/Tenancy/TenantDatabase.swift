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

    /// Several statements in one tenant-scoped transaction.
    @discardableResult
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(settings: [(TenantDatabase.tenantSetting, tenantID.uuidString)], body)
    }

    /// The setting the row-level-security policies read.
    static let tenantSetting = "app.tenant_id"
}

/// The database across every tenant: head office, the host → tenant lookup that happens before
/// any tenant is known, and the central webhook's lookup of a payment reference. Each use is
/// spelled `database.unscoped` so a reader (and `grep`) finds every path that crosses tenants.
struct UnscopedDatabase: DatabaseScope {
    let pool: PostgresPool

    @discardableResult
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(settings: [(UnscopedDatabase.scopeSetting, "all")], body)
    }

    /// The setting the row-level-security policies read to let a cross-tenant path through.
    static let scopeSetting = "app.scope"
}

/// What `TenantDatabase` and `UnscopedDatabase` have in common, for the few stores whose rows are a
/// tenant's or head office's (tenant null): sessions, login attempts.
protocol DatabaseScope: Sendable {
    /// Several statements in one transaction, its scope set first.
    @discardableResult
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T
}

extension DatabaseScope {
    /// One statement in its own scoped transaction. Throws `PostgresError` only, like `PostgresPool.query`,
    /// so callers can still catch a unique violation by its type.
    @discardableResult
    func query(_ sql: StaticString, _ parameters: (any PostgresEncodable)?...) throws(PostgresError) -> PostgresRows {
        do {
            return try transaction { connection in try connection.query(sql, parameters: parameters) }
        } catch let error as PostgresError {
            throw error
        } catch {
            throw PostgresError(.query, "\(error)")
        }
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
