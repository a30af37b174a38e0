import Foundation
import Postgres

/// The database as one tenant's request sees it. Every call is one transaction that first sets
/// `app.tenant_id`, so PostgreSQL's row-level security confines each statement to that tenant's
/// rows, even a statement whose own `where tenant_id = …` was forgotten.
///
/// A call is one unit of work, not the whole request: a request that waits on a payment gateway
/// must not hold a pooled connection (and a transaction) open for that long.
struct TenantDatabase: Sendable {
    let pool: PostgresPool
    let tenantID: UUID

    /// One statement in its own tenant-scoped transaction.
    @discardableResult
    func query(_ sql: StaticString, _ parameters: (any PostgresEncodable)?...) throws -> PostgresRows {
        try transaction { connection in try connection.query(sql, parameters: parameters) }
    }

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
struct UnscopedDatabase: Sendable {
    let pool: PostgresPool

    @discardableResult
    func query(_ sql: StaticString, _ parameters: (any PostgresEncodable)?...) throws -> PostgresRows {
        try transaction { connection in try connection.query(sql, parameters: parameters) }
    }

    @discardableResult
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(settings: [(UnscopedDatabase.scopeSetting, "all")], body)
    }

    /// The setting the row-level-security policies read to let a cross-tenant path through.
    static let scopeSetting = "app.scope"
}

extension PostgresPool {
    /// This tenant's rows only.
    func scoped(to tenant: Tenant) -> TenantDatabase { TenantDatabase(pool: self, tenantID: tenant.id) }

    func scoped(toTenantID id: UUID) -> TenantDatabase { TenantDatabase(pool: self, tenantID: id) }

    /// Every tenant's rows: head office and pre-tenant lookups only.
    var unscoped: UnscopedDatabase { UnscopedDatabase(pool: self) }
}
