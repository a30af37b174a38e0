import Foundation
import Postgres

/// Reads the usage every instance flushed into `tenant_usage`. Head office's view across every
/// tenant, so it reads through `database.unscoped`.
public struct UsageRepository: Sendable {
    let database: PostgresPool

    public init(database: PostgresPool) {
        self.database = database
    }

    /// Every tenant that has a row for `period` (deleted ones too: they were billed), by slug.
    /// A tenant with no counted activity that month has no row and is not listed.
    /// - Parameter tenantIDs: only these tenants' rows (a page of head office's list); nil for every one.
    public func monthlyUsage(period: UsageMonth, of tenantIDs: [UUID]? = nil) throws -> [TenantUsage] {
        let rows = try database.unscoped.query(
            """
            select u.tenant_id, t.slug, t.name, u.page_views, u.orders, u.paid_orders, u.paid_amount, u.webhook_calls
            from tenant_usage u join tenants t on t.id = u.tenant_id
            where u.period = $1 and ($2::text[] is null or u.tenant_id = any($2::uuid[]))
            order by t.slug
            """, period.description, tenantIDs.map { $0.map(\.uuidString) })
        return try rows.map { row in
            TenantUsage(
                tenantID: try row.decode("tenant_id", as: UUID.self),
                slug: try row.decode("slug", as: String.self),
                name: try row.decode("name", as: String.self),
                pageViews: try row.decode("page_views", as: Int64.self),
                orders: try row.decode("orders", as: Int64.self),
                paidOrders: try row.decode("paid_orders", as: Int64.self),
                paidAmount: try row.decode("paid_amount", as: Int64.self),
                webhookCalls: try row.decode("webhook_calls", as: Int64.self))
        }
    }
}
