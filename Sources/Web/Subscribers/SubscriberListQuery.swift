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

    /// A page of the list: which subscribers and how many (`matches`), then only the page's 25 joined to
    /// their plans, each found by its key. Joined first, the planner went through the tenant's subscribers
    /// plan by plan (20,000 of a large ISP's) to keep 25 of them; and given the 25 ids to join, it still
    /// did, 6 ms in PostgreSQL: it takes the tenant's share of the table twice (the query's tenant and the
    /// policy's range of it) and so expects one subscriber per plan. Each id looked up on its own (`offset
    /// 0` keeps the lookup from being merged back into that join): 1.3 ms.
    func page(_ request: AdminListRequest, for tenant: Tenant) throws -> AdminListPage<Subscriber> {
        try database.scoped(to: tenant).listTransaction { db in
            try AdminListPage(request) { offset in
                try matches(request, offset: offset, for: tenant, on: db)
            } rows: { ids in
                try db.query(
                    """
                    select s.* from unnest($2::uuid[]) as page(id)
                    cross join lateral (
                        select * from subscribers_with_plan s where s.tenant_id = $1 and s.id = page.id offset 0
                    ) as s
                    order by s.name, s.customer_number
                    """, tenant.id, ids
                ).map(Subscriber.init(row:))
            }
        }
    }

    /// How many subscribers the request matches (at most `countLimit`), and the ids of the 25 from
    /// `offset` in name order, in one statement; no ids when `offset` is past the end (the page asked
    /// for does not exist, and walking to it would be wasted). What matches a search is one SQL rule,
    /// `subscriber_matches_search` (migrations 0038, 0042).
    private func matches(_ request: AdminListRequest, offset: Int, for tenant: Tenant, on db: PostgresConnection)
        throws -> (count: Int, ids: [UUID])
    {
        let search = request.query.isEmpty ? nil : request.query
        let row: PostgresRow
        if request.status == "overdue" {
            // Overdue (any status with an unpaid invoice past due) as a semi-join on the few unpaid
            // invoices: beside the status test, as one `or`, it was a probe of each subscriber's invoices.
            // The tenant's zone is read once (a sub-select of the tenant alone), so "before today" is a
            // bound the index of unpaid invoices checks; through `invoices_with_overdue` it was a join
            // filter converting the time for each unpaid invoice (alpha after its billing run, 26,000
            // unpaid: 13 ms for the count, 4-5.5 ms so).
            row = try db.query(
                """
                with overdue as (
                    select s.id, s.name, s.customer_number from subscribers s
                    where s.tenant_id = $1
                        and subscriber_matches_search(s.search_name, s.customer_number, s.pppoe_username, s.phone, $2, $3)
                        and s.id in (
                            select i.subscriber_id from invoices i
                            where i.tenant_id = $1 and invoice_is_overdue(i.status, i.due_date, (select tenant_time_zone($1))))
                )
                select counted.n,
                    array(select id from overdue where $6 < counted.n order by name, customer_number limit $5 offset $6) as ids
                from (select count(*) as n from (select from overdue limit $4) as listed) as counted
                """, tenant.id, search, request.phone, request.countLimit, AdminListRequest.pageSize, offset
            ).single()
        } else if let search {
            // No index serves a name that contains the words typed: a search reads every subscriber of
            // the tenant whatever the page, so it reads them once, for the count and the page, from the
            // list's index alone, which carries what a search compares (migration 0050).
            row = try db.query(
                """
                with matched as materialized (
                    select s.id, s.name, s.customer_number from subscribers s
                    where s.tenant_id = $1
                        and subscriber_matches_search(s.search_name, s.customer_number, s.pppoe_username, s.phone, $2, $3)
                        and ($4::text is null or s.status = $4)
                )
                select counted.n,
                    array(select id from matched where $7 < counted.n order by name, customer_number limit $6 offset $7) as ids
                from (select count(*) as n from (select from matched limit $5) as listed) as counted
                """, tenant.id, search, request.phone, request.statusFilter, request.countLimit,
                AdminListRequest.pageSize, offset
            ).single()
        } else {
            // The whole list or one status: `not materialized`, so the count is read from an index and the
            // page walks the list's index in name order, each planned on its own.
            row = try db.query(
                """
                with listed as not materialized (
                    select s.id, s.name, s.customer_number from subscribers s
                    where s.tenant_id = $1 and ($2::text is null or s.status = $2)
                )
                select counted.n,
                    array(select id from listed where $5 < counted.n order by name, customer_number limit $4 offset $5) as ids
                from (select count(*) as n from (select from listed limit $3) as listed) as counted
                """, tenant.id, request.statusFilter, request.countLimit, AdminListRequest.pageSize, offset
            ).single()
        }
        return (try row.decode("n", as: Int.self), try row.decode("ids", as: [UUID].self))
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
