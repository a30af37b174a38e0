import Foundation
import Postgres

/// One row of the `finance_ledger` view: a `payments` row (income, or a refund) or an expense, with its
/// date in the tenant's time zone, its amount signed as it moves the balance, and what it paid for.
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

/// The tenant's ledger for a month, and head office's monthly totals per tenant: both read the month
/// from `finance_ledger_month` (migration 0045), so the two always count the same rows.
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

    /// The channels money comes in through, in the order head office's columns show them.
    static let channels = ["online", "cash", "bank_transfer", "reseller"]

    let database: PostgresPool

    /// Every ledger row of `month` for the tenant, by day and time.
    func entries(in month: UsageMonth, for tenant: Tenant) throws -> [LedgerEntry] {
        try database.scoped(to: tenant).query(
            """
            select l.kind, l.id, l.day::text as day, l.channel, l.item, l.amount, l.status, l.reference, l.note,
                case when l.kind = 'payment'
                    then to_char(l.at at time zone coalesce(b.time_zone, 'Asia/Jakarta'), 'HH24:MI') else '' end as time
            from finance_ledger_month($2::date) l
            left join tenant_branding b on b.tenant_id = l.tenant_id
            where l.tenant_id = $1
            order by l.day, l.kind desc, l.at, l.id
            """, tenant.id, month.firstDay
        ).map(LedgerEntry.init(row:))
    }

    /// Every live tenant's income and expenses for `month` (each in its own time zone), and deleted
    /// tenants that moved money that month, by slug.
    func totalsPerTenant(in month: UsageMonth) throws -> [TenantTotals] {
        // Summed once for the month, then joined to the tenants: joined first, the month was read again
        // for each tenant (PostgreSQL expects one tenant in a cross-tenant scope, and nests the loop).
        try database.unscoped.query(
            """
            with month as materialized (
                select tenant_id,
                    sum(amount) filter (where kind = 'payment') as income,
                    -sum(amount) filter (where kind = 'expense') as expenses,
                    sum(amount) filter (where kind = 'payment' and channel = 'online') as online,
                    sum(amount) filter (where kind = 'payment' and channel = 'cash') as cash,
                    sum(amount) filter (where kind = 'payment' and channel = 'bank_transfer') as bank_transfer,
                    sum(amount) filter (where kind = 'payment' and channel = 'reseller') as reseller
                from finance_ledger_month($1::date)
                group by tenant_id
            )
            select t.id, t.slug, t.name, coalesce(l.income, 0)::bigint as income,
                coalesce(l.expenses, 0)::bigint as expenses, coalesce(l.online, 0)::bigint as online,
                coalesce(l.cash, 0)::bigint as cash, coalesce(l.bank_transfer, 0)::bigint as bank_transfer,
                coalesce(l.reseller, 0)::bigint as reseller
            from tenants t
            left join month l on l.tenant_id = t.id
            where t.deleted_at is null or l.tenant_id is not null
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
