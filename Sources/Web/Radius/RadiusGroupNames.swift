import Foundation
import Postgres

/// RADIUS group names are one namespace for every tenant (`<slug>-<profile group>`), and two tenants
/// can spell the same name (`alpha` + `net-x`, `alpha-net` + `x`). A payment whose group another
/// tenant already defines cannot be provisioned, so the admin form refuses such a group up front.
struct RadiusGroupNames: Sendable {
    let database: PostgresPool

    /// Whether another tenant has a live profile or a plan with this group name, or RADIUS rows under it.
    /// Across tenants by necessity (a scoped read sees only the tenant's own rows); it answers yes or
    /// no and reveals nothing else.
    /// - Parameter db: a connection inside an unscoped transaction, to answer within it; otherwise one
    ///   unscoped statement of its own.
    func isTakenByAnotherTenant(_ groupName: String, tenantID: UUID, on db: PostgresConnection? = nil) throws -> Bool {
        let sql: StaticString = """
            select exists (
                select 1 from voucher_profiles p join tenants t on t.id = p.tenant_id
                where p.tenant_id <> $2 and p.deleted_at is null and t.slug || '-' || p.radius_group = $1
            ) or exists (
                select 1 from plans p join tenants t on t.id = p.tenant_id
                where p.tenant_id <> $2 and t.slug || '-' || p.radius_group = $1
            ) or exists (
                select 1 from radgroupreply where groupname = $1 and tenant_id is distinct from $2
            ) or exists (
                select 1 from radgroupcheck where groupname = $1 and tenant_id is distinct from $2
            ) or exists (
                select 1 from radusergroup where groupname = $1 and tenant_id is distinct from $2
            ) as taken
            """
        let rows =
            if let db { try db.query(sql, groupName, tenantID) } else {
                try database.unscoped.query(sql, groupName, tenantID)
            }
        return try rows.single().decode("taken", as: Bool.self)
    }
}
