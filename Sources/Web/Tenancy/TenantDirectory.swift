import Foundation
import Postgres

/// Finds tenants by slug or domain. These lookups happen before any tenant is known, so they
/// read across tenants by nature: the one place outside head office that does, and named so.
public struct TenantDirectory: Sendable {
    let database: PostgresPool

    public init(database: PostgresPool) {
        self.database = database
    }

    /// An active, not deleted tenant by its slug.
    public func unscopedActiveTenant(slug: String) throws -> Tenant? {
        let rows = try database.unscoped.query(
            """
            select id, slug, name, tier, use_custom_payment_gateway from tenants
            where slug = $1 and is_active and deleted_at is null
            """, slug)
        return try rows.first.map(Tenant.init(row:))
    }

    /// An active, not deleted tenant that owns this approved custom domain.
    public func unscopedActiveTenant(domain: String) throws -> Tenant? {
        let rows = try database.unscoped.query(
            """
            select t.id, t.slug, t.name, t.tier, t.use_custom_payment_gateway
            from tenant_domains d join tenants t on t.id = d.tenant_id
            where d.domain = $1 and d.verified_at is not null and t.is_active and t.deleted_at is null
            """, domain)
        return try rows.first.map(Tenant.init(row:))
    }
}

extension Tenant {
    convenience init(row: PostgresRow) throws {
        self.init(
            id: try row.decode("id", as: UUID.self),
            slug: try row.decode("slug", as: String.self),
            name: try row.decode("name", as: String.self),
            tier: Tier(rawValue: try row.decode("tier", as: String.self)) ?? .starter,
            usesCustomPaymentGateway: try row.decode("use_custom_payment_gateway", as: Bool.self)
        )
    }
}
