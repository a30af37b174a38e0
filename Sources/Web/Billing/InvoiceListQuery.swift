import Foundation
import Postgres

/// The tenant admin's view of its invoices: a page of the list, newest first, and one invoice with its
/// customer and payments. Every statement runs in the tenant's scope and names the tenant too.
struct InvoiceListQuery: Sendable {
    let database: PostgresPool

    /// `unpaid` includes the overdue ones; `overdue` is unpaid past its due date in the tenant's zone.
    static let statuses = ["unpaid", "overdue", "paid", "void"]

    /// One invoice of the list with the customer it bills.
    struct Row: Sendable {
        let invoice: Invoice
        let customerName: String
        let customerNumber: String
    }

    /// A page of the list, in the two steps of `AdminListPage(_:matches:rows:)`: the invoices matching
    /// are counted and the page's ids picked in one statement, then only those 25 are joined to their
    /// subscribers. The filter is written once, and `not materialized`, so the count and the page are
    /// each planned on their own (an index-only count; the page walking the list's index).
    ///
    /// A customer number or phone finds its subscriber's invoices through `= any (array(…))`: as a join,
    /// the search's `or` across two tables read every invoice of the tenant. `overdue` is no stored
    /// status, so it is not also compared with `status`: with that `or` the count read every unpaid
    /// invoice's row (13.5 ms for a large ISP's 6,670) where the `invoices_unpaid` index alone answers it
    /// (4.8 ms). The tenant's zone for it is read once, by a sub-select of the tenant alone: joined to
    /// each invoice (`invoices_with_overdue`), it converted the time once per unpaid invoice, and after a
    /// billing run a large ISP has a month of unpaid invoices not yet due (alpha, 26,000 unpaid: 31-37 ms
    /// for the overdue list's count and page, 15.5-16 ms so).
    func page(_ request: AdminListRequest, for tenant: Tenant) throws -> AdminListPage<Row> {
        try database.scoped(to: tenant).listTransaction { db in
            try AdminListPage(request) { offset in
                let row = try db.query(
                    """
                    with matched as not materialized (
                        select i.id, i.created_at, i.invoice_number from invoices i
                        where i.tenant_id = $1
                            and ($2::text is null or i.invoice_number = $2
                                or i.subscriber_id = any (array(
                                    select s.id from subscribers s
                                    where s.tenant_id = $1 and (s.customer_number = $2 or s.phone = $3))))
                            and ($4::text is null or ($4 <> 'overdue' and i.status = $4)
                                or ($4 = 'overdue' and invoice_is_overdue(i.status, i.due_date, (select tenant_time_zone($1)))))
                    )
                    select counted.n,
                        array(select id from matched where $7 < counted.n
                            order by created_at desc, invoice_number desc limit $6 offset $7) as ids
                    from (select count(*) as n from (select from matched limit $5) as listed) as counted
                    """, tenant.id, request.number, request.phone, request.statusFilter, request.countLimit,
                    AdminListRequest.pageSize, offset
                ).single()
                return (try row.decode("n", as: Int.self), try row.decode("ids", as: [UUID].self))
            } rows: { ids in
                try db.query(
                    """
                    select i.*, s.name as customer_name, s.customer_number
                    from invoices_with_overdue i
                    join subscribers s on s.tenant_id = i.tenant_id and s.id = i.subscriber_id
                    where i.tenant_id = $1 and i.id = any($2::uuid[])
                    order by i.created_at desc, i.invoice_number desc
                    """, tenant.id, ids
                ).map {
                    Row(
                        invoice: try Invoice(row: $0), customerName: try $0.decode("customer_name", as: String.self),
                        customerNumber: try $0.decode("customer_number", as: String.self))
                }
            }
        }
    }

    /// The invoice, its subscriber and its payments (newest first); nil for another tenant's or none.
    func detail(number: String, for tenant: Tenant) throws -> InvoiceDetail? {
        try database.scoped(to: tenant).transaction { db in
            guard
                let invoice = try db.query(
                    """
                    select i.* from invoices_with_overdue i
                    where i.tenant_id = $1 and i.invoice_number = $2
                    """, tenant.id, number
                ).first.map(Invoice.init(row:)),
                let subscriber = try db.query(
                    "select * from subscribers_with_plan where tenant_id = $1 and id = $2", tenant.id, invoice.subscriberID
                ).first.map(Subscriber.init(row:))
            else { return nil }
            let payments = try db.query(
                """
                select created_at, gateway_provider, coalesce(gateway_reference, nullif(note, '')) as gateway_reference,
                    amount, status
                from payments
                where tenant_id = $1 and subject = 'invoice' and subject_id = $2
                order by created_at desc, id
                """, tenant.id, invoice.id
            ).map(InvoiceDetail.Payment.init(row:))
            return InvoiceDetail(invoice: invoice, subscriber: subscriber, payments: payments)
        }
    }
}

/// One invoice as the admin's detail page shows it.
struct InvoiceDetail: Sendable {
    /// One row of the append-only `payments` table.
    struct Payment: Sendable, Hashable {
        let createdAt: Date
        let provider: String
        let reference: String?
        let amount: Int64
        /// `paid` or `refunded`.
        let status: String

        init(row: PostgresRow) throws {
            createdAt = try row.decode("created_at", as: Date.self)
            provider = try row.decode("gateway_provider", as: String.self)
            reference = row.decode("gateway_reference", as: String?.self)
            amount = try row.decode("amount", as: Int64.self)
            status = try row.decode("status", as: String.self)
        }
    }

    let invoice: Invoice
    let subscriber: Subscriber
    let payments: [Payment]
}
