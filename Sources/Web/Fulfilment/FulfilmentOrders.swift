import Foundation
import Postgres

/// An order as the webhook sees it: the order, and who sells it.
struct FulfilmentOrder: Sendable {
    let order: VoucherOrder
    let tenantSlug: String
    /// The tenant's display name, for the buyer's message.
    let sellerName: String
}

/// The order reads the webhook needs. A webhook arrives on the platform's central endpoint before
/// any tenant is known, so finding the order by its number is the one cross-tenant read here.
struct FulfilmentOrders: Sendable {
    let database: PostgresPool

    /// The order with this number in whichever tenant holds it (numbers are unique platform-wide).
    /// Only for the central webhook: the caller must prove the delivery authentic before acting on it.
    func unscopedOrder(number: String) throws -> FulfilmentOrder? {
        let rows = try database.unscoped.query(
            """
            select o.*, t.slug as tenant_slug, coalesce(nullif(b.display_name, ''), t.name) as seller_name
            from voucher_order_rows o
            join tenants t on t.id = o.tenant_id
            left join tenant_branding b on b.tenant_id = o.tenant_id
            where o.order_number = $1::text
            """, number)
        guard let row = rows.first else { return nil }
        return FulfilmentOrder(
            order: try VoucherOrder(row: row), tenantSlug: try row.decode("tenant_slug", as: String.self),
            sellerName: try row.decode("seller_name", as: String.self))
    }

    /// Locks the order row for the rest of `db`'s transaction and returns its status now: concurrent
    /// deliveries for one order queue here, and each sees what the previous one committed.
    func lockedStatus(of order: VoucherOrder, on db: PostgresConnection) throws -> VoucherOrder.Status {
        let rows = try db.query(
            "select status from voucher_orders where tenant_id = $1 and id = $2 for update", order.tenantID, order.id)
        guard let row = rows.first else { throw PostgresError(.query, "order \(order.number) disappeared") }
        let text = try row.decode("status", as: String.self)
        guard let status = VoucherOrder.Status(rawValue: text) else {
            throw PostgresError(.decoding, "unknown order status \(text)")
        }
        return status
    }
}
