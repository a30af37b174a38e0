import Foundation
import Postgres

/// One row of a month's ledger (a `finance_ledger_entry`): a `payments` row (income, or a refund) or an
/// expense, with its date in the tenant's time zone, its amount signed as it moves the balance, and what
/// it paid for.
struct LedgerEntry: Sendable, Hashable {
    enum Kind: String, Sendable { case payment, expense }

    let kind: Kind
    let id: UUID
    /// `YYYY-MM-DD` in the tenant's time zone (an expense's own date).
    let day: String
    /// `HH:MM` in the tenant's time zone; empty for an expense.
    let time: String
    /// `online`, `cash`, `bank_transfer`, `reseller`, or an expense's category.
    let channel: String
    /// The package an order sold or the plan an invoice billed; empty otherwise.
    let item: String
    /// Income positive; refunds and expenses negative.
    let amount: Int64
    /// `paid` or `refunded` (an expense is `paid`).
    let status: String
    let reference: String
    let note: String

    init(row: PostgresRow) throws {
        kind = try Kind(rawValue: row.decode("kind", as: String.self)) ?? .payment
        id = try row.decode("id", as: UUID.self)
        day = try row.decode("day", as: String.self)
        time = try row.decode("time", as: String.self)
        channel = try row.decode("channel", as: String.self)
        item = try row.decode("item", as: String.self)
        amount = try row.decode("amount", as: Int64.self)
        status = try row.decode("status", as: String.self)
        reference = try row.decode("reference", as: String.self)
        note = try row.decode("note", as: String.self)
    }

    var isRefund: Bool { kind == .payment && status == "refunded" }
}

/// The tenant's ledger for a month, and head office's monthly totals per tenant. The ledger reads the
/// month from `finance_ledger_month` (migration 0048) and head office's sums from `finance_month_totals`
/// (migration 0055); both take the month's bounds, a payment's channel and its signed amount from the
/// same functions, so the two count the same rows the same way.
struct FinanceLedger: Sendable {
    /// One tenant's month, as head office sees it (the platform's sums with an empty slug and name).
    struct TenantTotals: Sendable, Hashable {
        let slug: String
        let name: String
        let income: Int64
        let expenses: Int64
        /// Income per channel (`online`, `cash`, `bank_transfer`, `reseller`), adding up to `income`.
        let channels: [String: Int64]
    }

    /// The month's rows of one kind summed by one key: a day, an item, or a channel (an expense's
    /// category).
    struct Sum: Sendable, Hashable {
        enum Key: Sendable, Hashable {
            case day(String)
            case item(String)
            case channel(String)
        }

        let kind: LedgerEntry.Kind
        let key: Key
        /// Signed as the rows move the balance: expenses negative.
        let amount: Int64
        let count: Int
    }

    /// The channels money comes in through, in the order head office's columns show them.
    static let channels = ["online", "cash", "bank_transfer", "reseller"]

    let database: PostgresPool

    /// The month's rows summed three ways at once (by day, by item, by channel), each per kind: every
    /// figure of the report, without reading the rows out. The rows are first summed by all four keys
    /// (a few hundred sums for a month of thousands of rows), and the three ways are sums of those: each
    /// row hashed once, not three times (a large ISP's November, 7,400 payments: 8–10 ms, 5–8 ms so).
    func sums(in month: UsageMonth, for tenant: Tenant) throws -> [Sum] {
        try database.scoped(to: tenant).query(
            """
            with keyed as (
                select l.kind, l.day, l.item, l.channel, sum(l.amount) as amount, count(*) as count
                from finance_ledger_month($1, $2::date) l
                group by l.kind, l.day, l.item, l.channel
            )
            select k.kind, k.day::text as day, k.item, k.channel, grouping(k.day, k.item) as grouped,
                sum(k.amount)::bigint as amount, sum(k.count)::bigint as count
            from keyed k
            group by grouping sets ((k.kind, k.day), (k.kind, k.item), (k.kind, k.channel))
            """, tenant.id, month.firstDay
        ).map { row in
            // grouping(day, item) sets a bit for each key a row sums over: 1 (`item`) in the sums by day,
            // 2 (`day`) in those by item, both in those by channel.
            let key: Sum.Key =
                switch try row.decode("grouped", as: Int.self) {
                case 1: .day(try row.decode("day", as: String.self))
                case 2: .item(try row.decode("item", as: String.self))
                default: .channel(try row.decode("channel", as: String.self))
                }
            return Sum(
                kind: try LedgerEntry.Kind(rawValue: row.decode("kind", as: String.self)) ?? .payment, key: key,
                amount: try row.decode("amount", as: Int64.self), count: try row.decode("count", as: Int.self))
        }
    }

    /// The ledger's rows `offset ..< offset + limit`, by day (a day's payments, then its expenses) and
    /// time. The payments before the page are read in time order from the index and no further, so a
    /// month's first pages cost the same however long the month is.
    func entries(in month: UsageMonth, for tenant: Tenant, offset: Int, limit: Int) throws -> [LedgerEntry] {
        // A day's payments in time order are the payments in time order, so the page's payments are among
        // the first `offset + limit` by time (and those tied with the last of them).
        try database.scoped(to: tenant).query(
            """
            select l.kind, l.id, l.day::text as day, l.channel, l.item, l.amount, l.status, l.reference, l.note,
                case when l.kind = 'payment'
                    then to_char(l.at at time zone (select tenant_time_zone($1)), 'HH24:MI') else '' end as time
            from (
                (select * from finance_payments_month($1, $2::date) order by at fetch first ($3) rows with ties)
                union all
                select * from finance_expenses_month($1, $2::date)
            ) l
            order by l.day, l.kind desc, l.at, l.id
            limit $4 offset $5
            """, tenant.id, month.firstDay, Int64(offset) + Int64(limit), limit, offset
        ).map(LedgerEntry.init(row:))
    }

    /// Every ledger row of `month` for the tenant, in the order `entries(in:for:offset:limit:)` pages them.
    func allEntries(in month: UsageMonth, for tenant: Tenant) throws -> [LedgerEntry] {
        try database.scoped(to: tenant).query(
            """
            select l.kind, l.id, l.day::text as day, l.channel, l.item, l.amount, l.status, l.reference, l.note,
                case when l.kind = 'payment'
                    then to_char(l.at at time zone (select tenant_time_zone($1)), 'HH24:MI') else '' end as time
            from finance_ledger_month($1, $2::date) l
            order by l.day, l.kind desc, l.at, l.id
            """, tenant.id, month.firstDay
        ).map(LedgerEntry.init(row:))
    }

    /// A page of head office's month: every live tenant, and every deleted one that moved money that
    /// month, each in its own time zone.
    struct HeadOfficePage: Sendable {
        /// The page's tenants, by slug.
        let tenants: [TenantTotals]
        /// How many tenants the search matches, on every page.
        let matched: Int
        /// The whole platform's sums, whatever the search.
        let platform: TenantTotals
    }

    /// The tenants whose slug or name contains `query` in any case (every tenant for an empty one), by
    /// slug, `limit` from `offset`, with how many match and the whole platform's sums.
    func headOfficePage(in month: UsageMonth, matching query: String, offset: Int, limit: Int) throws -> HeadOfficePage {
        // Each tenant's month is an index range of its own, summed as it is read (migration 0055), from
        // `payments_tenant_time` alone. The search, the count and the page stay in the database, so only a
        // page of rows is sent: decoding and searching every tenant's row here was 20–30 ms of a page at
        // 10,000 tenants.
        let rows = try database.unscoped.query(
            """
            with listed as materialized (
                select t.slug, t.name, t.name_key, s.income, s.expenses, s.online, s.cash, s.bank_transfer, s.reseller
                from finance_month_totals($1::date) s
                join tenants t on t.id = s.tenant_id
                where t.deleted_at is null or s.entries > 0
            ), matched as materialized (
                select * from listed where strpos(slug, lower($2)) > 0 or strpos(name_key, lower($2)) > 0
            )
            select page.slug, page.name, page.income, page.expenses, page.online, page.cash,
                page.bank_transfer, page.reseller, counted.matched, platform.*
            from (select count(*) as matched from matched) counted
            cross join (
                select coalesce(sum(income), 0)::bigint as platform_income,
                    coalesce(sum(expenses), 0)::bigint as platform_expenses,
                    coalesce(sum(online), 0)::bigint as platform_online, coalesce(sum(cash), 0)::bigint as platform_cash,
                    coalesce(sum(bank_transfer), 0)::bigint as platform_bank_transfer,
                    coalesce(sum(reseller), 0)::bigint as platform_reseller
                from listed
            ) platform
            left join lateral (select * from matched order by slug limit $3 offset $4) page on true
            order by page.slug
            """, month.firstDay, query, limit, offset)
        let first = try rows.single()
        let tenants = try rows.compactMap { row -> TenantTotals? in
            guard let slug = row.decode("slug", as: String?.self) else { return nil }
            return try Self.totals(slug: slug, name: row.decode("name", as: String.self), row: row, prefix: "")
        }
        return HeadOfficePage(
            tenants: tenants, matched: try first.decode("matched", as: Int.self),
            platform: try Self.totals(slug: "", name: "", row: first, prefix: "platform_"))
    }

    /// A tenant's sums from the columns named by `prefix` and the channel or `income` / `expenses`.
    private static func totals(slug: String, name: String, row: PostgresRow, prefix: String) throws -> TenantTotals {
        TenantTotals(
            slug: slug, name: name, income: try row.decode(prefix + "income", as: Int64.self),
            expenses: try row.decode(prefix + "expenses", as: Int64.self),
            channels: Dictionary(
                uniqueKeysWithValues: try channels.map { ($0, try row.decode(prefix + $0, as: Int64.self)) }))
    }
}
