import Foundation
import Postgres

/// The tenant admin's view of its subscribers: a page of the list, and one subscriber with what its page
/// shows beyond `Subscriber` (notes, installation date, status history, invoices). Every statement runs
/// in the tenant's scope and names the tenant too.
struct SubscriberListQuery: Sendable {
    let database: PostgresPool

    /// A subscriber's own statuses, and `overdue`: any status with an unpaid invoice past its due date
    /// in the tenant's time zone.
    static let statuses = ["active", "isolated", "suspended", "terminated", "overdue"]

    func page(_ request: AdminListRequest, for tenant: Tenant) throws -> AdminListPage<Subscriber> {
        let search = request.query.isEmpty ? nil : request.query
        // Each page picks its 25 subscribers before joining their plans: joined first, the planner
        // went through the tenant's subscribers plan by plan and sorted them all.
        return try database.scoped(to: tenant).listTransaction { db in
            guard request.status == "overdue" else {
                // What matches a search is one SQL rule, `subscriber_matches_search` (migration 0038).
                let counted = try db.query(
                    """
                    select count(*) as n from (
                        select from subscribers s
                        where s.tenant_id = $1
                            and subscriber_matches_search(s.name, s.customer_number, s.pppoe_username, s.phone, $2, $3)
                            and ($4::text is null or s.status = $4)
                        limit $5
                    ) as listed
                    """, tenant.id, search, request.phone, request.statusFilter, request.countLimit
                ).first?.decode("n", as: Int.self)
                let window = request.pageWindow(countedRows: counted ?? 0)
                let rows = try db.query(
                    """
                    select s.* from subscribers_with_plan s
                    where s.tenant_id = $1 and s.id in (
                        select s.id from subscribers s
                        where s.tenant_id = $1
                            and subscriber_matches_search(s.name, s.customer_number, s.pppoe_username, s.phone, $2, $3)
                            and ($4::text is null or s.status = $4)
                        order by s.name, s.customer_number
                        limit $5 offset $6)
                    order by s.name, s.customer_number
                    """, tenant.id, search, request.phone, request.statusFilter, AdminListRequest.pageSize,
                    window.offset
                ).map(Subscriber.init(row:))
                return AdminListPage(rows: rows, window: window)
            }
            // Overdue (any status with an unpaid invoice past due) as a semi-join on the few unpaid
            // invoices, in statements of its own: beside the status test, as one `or`, it was a probe of
            // each subscriber's invoices.
            let counted = try db.query(
                """
                select count(*) as n from (
                    select from subscribers s
                    where s.tenant_id = $1
                        and subscriber_matches_search(s.name, s.customer_number, s.pppoe_username, s.phone, $2, $3)
                        and s.id in (select i.subscriber_id from invoices_with_overdue i where i.tenant_id = $1 and i.is_overdue)
                    limit $4
                ) as listed
                """, tenant.id, search, request.phone, request.countLimit
            ).first?.decode("n", as: Int.self)
            let window = request.pageWindow(countedRows: counted ?? 0)
            let rows = try db.query(
                """
                select s.* from subscribers_with_plan s
                where s.tenant_id = $1 and s.id in (
                    select s.id from subscribers s
                    where s.tenant_id = $1
                        and subscriber_matches_search(s.name, s.customer_number, s.pppoe_username, s.phone, $2, $3)
                        and s.id in (select i.subscriber_id from invoices_with_overdue i where i.tenant_id = $1 and i.is_overdue)
                    order by s.name, s.customer_number
                    limit $4 offset $5)
                order by s.name, s.customer_number
                """, tenant.id, search, request.phone, AdminListRequest.pageSize, window.offset
            ).map(Subscriber.init(row:))
            return AdminListPage(rows: rows, window: window)
        }
    }

    /// The subscriber with its page's extras and invoices (newest first); nil for another tenant's or none.
    func detail(id: UUID, for tenant: Tenant) throws -> SubscriberDetail? {
        try database.scoped(to: tenant).transaction { db in
            guard
                let row = try db.query(
                    """
                    select s.*, s.installation_date::text as installed_on from subscribers_with_plan s
                    where s.tenant_id = $1 and s.id = $2
                    """, tenant.id, id
                ).first
            else { return nil }
            let subscriber = try Subscriber(row: row)
            let invoices = try db.query(
                """
                select i.* from invoices_with_overdue i
                where i.tenant_id = $1 and i.subscriber_id = $2
                order by i.created_at desc, i.invoice_number desc
                """, tenant.id, id
            ).map {
                InvoiceListQuery.Row(
                    invoice: try Invoice(row: $0), customerName: subscriber.name, customerNumber: subscriber.customerNumber)
            }
            return SubscriberDetail(
                subscriber: subscriber, installationDate: row.decode("installed_on", as: String?.self),
                notes: try row.decode("notes", as: String.self),
                statusChangedAt: try row.decode("status_changed_at", as: Date.self),
                statusReason: try row.decode("status_reason", as: String.self), invoices: invoices)
        }
    }
}

/// One subscriber as the admin's page shows it.
struct SubscriberDetail: Sendable {
    let subscriber: Subscriber
    /// `YYYY-MM-DD`
    let installationDate: String?
    let notes: String
    let statusChangedAt: Date
    let statusReason: String
    let invoices: [InvoiceListQuery.Row]
}
