import Foundation
import Postgres

/// The tenant admin's view of its orders: a page of the list, newest first, and one order in full.
/// Every statement runs in the tenant's scope and names the tenant too, so a number from another
/// tenant finds nothing, whether typed into the URL or the search box.
struct OrderListQuery: Sendable {
    let database: PostgresPool

    /// The statuses the list filters by: what the order shows, so a pending order past its deadline
    /// counts as expired even before the sweep has written it.
    static let statuses = VoucherOrder.Status.allCases.map(\.rawValue)

    func page(_ request: AdminListRequest, for tenant: Tenant) throws -> AdminListPage<VoucherOrder> {
        try database.scoped(to: tenant).listTransaction { db in
            // The status as shown, written so an index on (tenant, status, …) serves it: the stored
            // status, except that a pending order past its deadline shows (and is found) as expired.
            // Expired orders are counted in two parts, each from its own index: as one `or`, PostgreSQL
            // visited the table for each of them (a large ISP's 20,000 expired orders, 10 ms to count to
            // the bound), while the stored status alone is counted from the index; the pending ones past
            // their deadline are the few the expiry sweep has not reached yet. (Outside the case, that part
            // was planned, in parallel, even for the lists that cannot use it.)
            let counted = try db.query(
                """
                select least($5,
                    (select count(*) from (
                        select from voucher_orders
                        where tenant_id = $1
                            and ($2::text is null or order_number = $2 or buyer_phone = $3)
                            and ($4::text is null or (status = $4 and ($4 <> 'pending' or expires_at > now())))
                        limit $5
                    ) as listed)
                    + case when $4 = 'expired' then (select count(*) from (
                        select from voucher_orders
                        where tenant_id = $1
                            and ($2::text is null or order_number = $2 or buyer_phone = $3)
                            and status = 'pending' and expires_at <= now()
                        limit $5
                    ) as late) else 0 end) as n
                """, tenant.id, request.number, request.phone, request.statusFilter, request.countLimit
            ).first?.decode("n", as: Int.self)
            let window = request.pageWindow(countedRows: counted ?? 0)
            let orders = try db.query(
                """
                select * from voucher_orders
                where tenant_id = $1
                    and ($2::text is null or order_number = $2 or buyer_phone = $3)
                    and ($4::text is null
                        or (status = $4 and ($4 <> 'pending' or expires_at > now()))
                        or ($4 = 'expired' and status = 'pending' and expires_at <= now()))
                order by created_at desc, order_number desc
                limit $5 offset $6
                """, tenant.id, request.number, request.phone, request.statusFilter, AdminListRequest.pageSize,
                window.offset
            ).map(VoucherOrder.init(row:))
            return AdminListPage(rows: orders, window: window)
        }
    }

    /// The order with its codes and every webhook delivery that named it; nil for another tenant's or none.
    func detail(number: String, for tenant: Tenant) throws -> OrderDetail? {
        try database.scoped(to: tenant).transaction { db in
            guard
                let order = try db.query(
                    "select * from voucher_orders where tenant_id = $1 and order_number = $2", tenant.id, number
                ).first.map(VoucherOrder.init(row:))
            else { return nil }
            let codes = try db.query(
                "select code from vouchers where tenant_id = $1 and order_id = $2 order by created_at, code",
                tenant.id, order.id
            ).map { try $0.decode("code", as: String.self) }
            let events = try db.query(
                """
                select received_at, provider, outcome, reason from webhook_events
                where tenant_id = $1 and reference = $2
                order by received_at, id
                """, tenant.id, order.number
            ).map(OrderDetail.WebhookEvent.init(row:))
            let messages = try db.query(
                """
                select created_at, recipient, status, attempts, sent_at, next_attempt_at, last_error, sent_by from notifications
                where tenant_id = $1 and subject_ref = $2
                order by created_at, id
                """, tenant.id, order.number
            ).map(OrderDetail.Message.init(row:))
            return OrderDetail(order: order, voucherCodes: codes, webhookEvents: events, messages: messages)
        }
    }
}

/// One order as the admin's detail page shows it.
struct OrderDetail: Sendable {
    struct WebhookEvent: Sendable, Hashable {
        let receivedAt: Date
        let provider: String
        /// `webhook_events.outcome`: received, processed, duplicate, ignored, rejected or failed.
        let outcome: String
        let reason: String?

        init(row: PostgresRow) throws {
            receivedAt = try row.decode("received_at", as: Date.self)
            provider = try row.decode("provider", as: String.self)
            outcome = try row.decode("outcome", as: String.self)
            reason = row.decode("reason", as: String?.self)
        }
    }

    /// A message to the buyer, as the outbox keeps it.
    struct Message: Sendable, Hashable {
        let queuedAt: Date
        let recipient: String
        /// `notifications.status`: pending, sent or failed.
        let status: String
        let attempts: Int
        let sentAt: Date?
        let nextAttemptAt: Date
        let lastError: String?
        /// Which sender took it (`own:<name>`, `platform:<name>`); nil until sent, and for messages sent
        /// before senders were recorded.
        let sentBy: String?

        init(row: PostgresRow) throws {
            sentBy = row.decode("sent_by", as: String?.self)
            queuedAt = try row.decode("created_at", as: Date.self)
            recipient = try row.decode("recipient", as: String.self)
            status = try row.decode("status", as: String.self)
            attempts = try row.decode("attempts", as: Int.self)
            sentAt = row.decode("sent_at", as: Date?.self)
            nextAttemptAt = try row.decode("next_attempt_at", as: Date.self)
            lastError = row.decode("last_error", as: String?.self)
        }
    }

    let order: VoucherOrder
    let voucherCodes: [String]
    let webhookEvents: [WebhookEvent]
    let messages: [Message]
}
