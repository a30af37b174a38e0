import Foundation
import Postgres

/// What head office needs around a tenant's life beyond the list: the summary of a new tenant, the
/// deleted tenants, and restoring one.
extension TenantRegistry {
    /// A tenant and the email of its first admin, for the page shown after creating it.
    struct Summary: Sendable {
        let slug: String
        let name: String
        let firstAdminEmail: String?
        let isDeleted: Bool
    }

    /// nil when there is no tenant with this slug.
    func summary(slug: String) throws -> Summary? {
        try database.unscoped.query(
            """
            select t.slug, t.name, t.deleted_at is not null as deleted,
                (select a.email from admins a where a.tenant_id = t.id order by a.created_at, a.email limit 1) as email
            from tenants t where t.slug = $1
            """, slug
        ).first.map { row in
            Summary(
                slug: try row.decode("slug", as: String.self), name: try row.decode("name", as: String.self),
                firstAdminEmail: row.decode("email", as: String?.self), isDeleted: try row.decode("deleted", as: Bool.self))
        }
    }

    /// Deleted tenants, the most recently deleted first.
    func deletedTenants() throws -> [Summary] {
        try database.unscoped.query(
            "select slug, name from tenants where deleted_at is not null order by deleted_at desc, slug limit 200"
        ).map { row in
            Summary(
                slug: try row.decode("slug", as: String.self), name: try row.decode("name", as: String.self),
                firstAdminEmail: nil, isDeleted: true)
        }
    }

    /// Undoes a soft delete: the tenant's hosts answer again from the next request on (the trigger
    /// NOTIFYs every instance). False when no deleted tenant has this slug.
    func restore(slug: String, by actor: AuditActor) throws -> Bool {
        let rows = try database.unscoped.query(
            """
            with restored as (
                update tenants t set deleted_at = null, updated_at = now()
                where slug = $1 and deleted_at is not null
                returning t.id
            )
            select audit(id, $2, $3, 'tenant.restore', $1, jsonb_build_object('deleted', true),
                jsonb_build_object('deleted', false))
            from restored
            """, slug, actor.email, actor.clientAddress)
        return !rows.isEmpty
    }
}
