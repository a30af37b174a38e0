import Foundation
import Postgres

/// A tenant's monthly PPPoE plan: what a subscriber pays each month and the RADIUS group (with its rate
/// limit) its PPPoE account is put in.
struct Plan: Sendable, Hashable, Identifiable {
    let id: UUID
    let name: String
    let price: Int64
    let downloadKbps: Int?
    let uploadKbps: Int?
    /// The plan's part of its RADIUS group name (`<tenant slug>-<radius_group>`).
    let radiusGroup: String
    let isActive: Bool
    /// Subscribers on the plan, whatever their status (terminated ones included: they can be restored).
    let subscriberCount: Int

    init(row: PostgresRow) throws {
        id = try row.decode("id", as: UUID.self)
        name = try row.decode("name", as: String.self)
        price = try row.decode("price", as: Int64.self)
        downloadKbps = row.decode("download_kbps", as: Int?.self)
        uploadKbps = row.decode("upload_kbps", as: Int?.self)
        radiusGroup = try row.decode("radius_group", as: String.self)
        isActive = try row.decode("is_active", as: Bool.self)
        subscriberCount = try row.decode("subscriber_count", as: Int.self)
    }
}

/// Reads a tenant's plans, scoped by the tenant.
struct PlanRepository: Sendable {
    let database: PostgresPool

    /// Every plan, active first, then by price and name.
    func allPlans(for tenant: Tenant) throws -> [Plan] {
        try database.scoped(to: tenant).query(
            """
            select p.*, (select count(*) from subscribers s where s.tenant_id = p.tenant_id and s.plan_id = p.id)::integer
                as subscriber_count
            from plans p where p.tenant_id = $1 order by p.is_active desc, p.price, p.name
            """, tenant.id
        ).map(Plan.init(row:))
    }

    /// Nil for another tenant's plan or none.
    func plan(id: UUID, for tenant: Tenant) throws -> Plan? {
        try database.scoped(to: tenant).query(
            """
            select p.*, (select count(*) from subscribers s where s.tenant_id = p.tenant_id and s.plan_id = p.id)::integer
                as subscriber_count
            from plans p where p.tenant_id = $1 and p.id = $2
            """, tenant.id, id
        ).first.map(Plan.init(row:))
    }
}
