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
    /// One tenant's month, as head office sees it.
    struct TenantTotals: Sendable, Hashable {
        let tenantID: UUID
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

    /// Every live tenant's income and expenses for `month` (each in its own time zone), and deleted
    /// tenants that moved money that month, by slug.
    func totalsPerTenant(in month: UsageMonth) throws -> [TenantTotals] {
        // Each tenant's month is an index range of its own, summed as it is read (migration 0055), from
        // `payments_tenant_time` alone: 89–177 ms for every tenant's month at 10,000 tenants, against
        // 214–318 ms through the ledger's rows.
        try database.unscoped.query(
            """
            select t.id, t.slug, t.name, s.income, s.expenses, s.online, s.cash, s.bank_transfer, s.reseller
            from finance_month_totals($1::date) s
            join tenants t on t.id = s.tenant_id
            where t.deleted_at is null or s.entries > 0
            order by t.slug
            """, month.firstDay
        ).map { row in
            TenantTotals(
                tenantID: try row.decode("id", as: UUID.self), slug: try row.decode("slug", as: String.self),
                name: try row.decode("name", as: String.self), income: try row.decode("income", as: Int64.self),
                expenses: try row.decode("expenses", as: Int64.self),
                channels: Dictionary(
                    uniqueKeysWithValues: try Self.channels.map { ($0, try row.decode($0, as: Int64.self)) }))
        }
    }
}
