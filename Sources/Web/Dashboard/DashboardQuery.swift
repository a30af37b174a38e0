import Foundation
import Postgres

/// The tenant admin's figures at a glance, read in one statement so they agree with each other.
struct DashboardFigures: Sendable, Hashable {
    /// Paid voucher orders and invoice payments (online and at the counter) since midnight, tenant time.
    let salesToday: Int64
    let paymentsToday: Int
    /// The same since the first of the month, tenant time.
    let salesThisMonth: Int64
    let paymentsThisMonth: Int
    /// Invoices neither paid nor void.
    let unpaidInvoices: Int
    let unpaidAmount: Int64
    let isolatedSubscribers: Int
    /// Sessions the routers have started and not yet stopped (`radacct` rows without a stop time).
    let onlineSessions: Int
}

/// One row of `payments`, with what it paid for: an order's or invoice's number, or a reseller.
struct DashboardPayment: Sendable, Hashable {
    enum Subject: Sendable, Hashable {
        case order(number: String)
        case invoice(number: String)
        case reseller(id: UUID, name: String)
    }

    let subject: Subject?
    let amount: Int64
    let method: String
    let at: Date
}

/// Reads the dashboard's figures from the rows they count, always in the tenant's scope and filtered by it.
struct DashboardQuery: Sendable {
    let database: PostgresPool

    static let recentPayments = 10

    /// Days and months begin at midnight in `timeZone` (the tenant's). Sales count `paid` rows of
    /// `payments` for orders and invoices; reseller settlements are money in but not sales.
    func figures(for tenant: Tenant, timeZone: String) throws -> DashboardFigures {
        let row = try database.scoped(to: tenant).query(
            """
            with bounds as (
                select date_trunc('day', now() at time zone $2) at time zone $2 as day_start,
                    (date_trunc('day', now() at time zone $2) + interval '1 day') at time zone $2 as day_end,
                    date_trunc('month', now() at time zone $2) at time zone $2 as month_start,
                    (date_trunc('month', now() at time zone $2) + interval '1 month') at time zone $2 as month_end
            )
            select
                coalesce(sum(p.amount) filter (where p.created_at >= b.day_start and p.created_at < b.day_end), 0)::bigint
                    as sales_today,
                count(*) filter (where p.created_at >= b.day_start and p.created_at < b.day_end)::integer as payments_today,
                coalesce(sum(p.amount), 0)::bigint as sales_month,
                count(p.id)::integer as payments_month,
                (select count(*) from invoices i where i.tenant_id = $1 and i.status = 'unpaid')::integer as unpaid,
                (select coalesce(sum(i.amount), 0) from invoices i where i.tenant_id = $1 and i.status = 'unpaid')::bigint
                    as unpaid_amount,
                (select count(*) from subscribers s where s.tenant_id = $1 and s.status = 'isolated')::integer as isolated,
                (select count(*) from radacct a where a.tenant_id = $1 and a.acctstoptime is null)::integer as online
            from bounds b
            left join payments p on p.tenant_id = $1 and p.subject in ('order', 'invoice') and p.status = 'paid'
                and p.created_at >= b.month_start and p.created_at < b.month_end
            group by b.day_start, b.day_end
            """, tenant.id, timeZone
        ).first
        guard let row else { throw PostgresError(.decoding, "the dashboard's figures returned no row") }
        return DashboardFigures(
            salesToday: try row.decode("sales_today", as: Int64.self), paymentsToday: try row.decode("payments_today", as: Int.self),
            salesThisMonth: try row.decode("sales_month", as: Int64.self),
            paymentsThisMonth: try row.decode("payments_month", as: Int.self),
            unpaidInvoices: try row.decode("unpaid", as: Int.self), unpaidAmount: try row.decode("unpaid_amount", as: Int64.self),
            isolatedSubscribers: try row.decode("isolated", as: Int.self), onlineSessions: try row.decode("online", as: Int.self))
    }

    /// The newest payments of every kind, newest first.
    func lastPayments(for tenant: Tenant) throws -> [DashboardPayment] {
        try database.scoped(to: tenant).query(
            """
            select p.subject, p.amount, p.method, p.created_at, o.order_number, i.invoice_number, r.id as reseller_id,
                r.name as reseller_name
            from payments p
            left join voucher_orders o on p.subject = 'order' and o.tenant_id = p.tenant_id and o.id = p.subject_id
            left join invoices i on p.subject = 'invoice' and i.tenant_id = p.tenant_id and i.id = p.subject_id
            left join resellers r on p.subject = 'reseller' and r.tenant_id = p.tenant_id and r.id = p.subject_id
            where p.tenant_id = $1 and p.status = 'paid'
            order by p.created_at desc, p.id limit $2
            """, tenant.id, Self.recentPayments
        ).map { row in
            let subject: DashboardPayment.Subject? =
                if let number = row.decode("order_number", as: String?.self) {
                    .order(number: number)
                } else if let number = row.decode("invoice_number", as: String?.self) {
                    .invoice(number: number)
                } else if let id = row.decode("reseller_id", as: UUID?.self) {
                    .reseller(id: id, name: row.decode("reseller_name", as: String?.self) ?? "")
                } else {
                    nil
                }
            return DashboardPayment(
                subject: subject, amount: try row.decode("amount", as: Int64.self),
                method: try row.decode("method", as: String.self), at: try row.decode("created_at", as: Date.self))
        }
    }
}
