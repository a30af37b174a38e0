import Foundation
import Postgres
import Templates

/// The monthly billing: on each subscriber's billing day, in the tenant's time zone, one invoice for
/// the month with a pay link sent by WhatsApp; then the reminders before and on the due date, and the
/// message after isolation (the isolation job marks the subscriber; this job sees it in the data).
///
/// Active and isolated subscribers are invoiced (an isolated one still owes the month and needs the
/// link to pay its way back); suspended and terminated ones are not. Every process runs the job; each
/// tenant's work is one transaction under that tenant's advisory lock, so two processes or instances
/// never invoice the same tenant at once, and `invoices_one_per_period` would refuse a second invoice
/// for a month anyway. It looks at what is due now rather than at what happened since the last run,
/// so a run after downtime makes the invoices it missed, one per subscriber and month.
final class BillingRun: Sendable {
    let database: PostgresPool
    let baseDomain: String
    private let timer: RepeatingTimer

    /// Invoices (or reminders) per transaction, so a large tenant never holds its lock for long.
    static let batchSize = 200

    init(database: PostgresPool, baseDomain: String, interval: Duration = .seconds(300)) {
        self.database = database
        self.baseDomain = baseDomain
        timer = RepeatingTimer(label: "gerbang.billing-run", interval: interval)
    }

    func start() {
        timer.start(immediately: true) { [weak self] in self?.runLoggingErrors() }
    }

    func stop() {
        timer.stop()
    }

    struct Round: Sendable, Hashable {
        var invoices = 0
        var reminders = 0
    }

    /// One run over every active tenant (or only `tenantID`), as of `now`.
    /// - Parameter waiting: wait for another process's run of a tenant to end; false: skip that tenant.
    @discardableResult
    func run(now: Date = Date(), tenantID: UUID? = nil, waiting: Bool = true) throws -> Round {
        let tenants = try database.unscoped.query(
            """
            select id from tenants where is_active and deleted_at is null and ($1::uuid is null or id = $1)
            order by created_at
            """, tenantID)
        var total = Round()
        var failure: (any Error)?
        for row in tenants {
            let id = try row.decode("id", as: UUID.self)
            // One tenant's failure (a number an import already used) must not stop everyone's billing.
            do {
                while let batch = try database.scoped(toTenantID: id).transaction({ db in
                    try self.batch(of: id, now: now, waiting: waiting, on: db)
                }) {
                    total.invoices += batch.invoices
                    total.reminders += batch.reminders
                    guard max(batch.invoices, batch.reminders) == Self.batchSize else { break }
                }
            } catch {
                Log.warning("billing run for tenant \(id) failed: \(error)")
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return total
    }

    /// Nil when not waiting and another process holds the tenant's lock.
    private func batch(of tenantID: UUID, now: Date, waiting: Bool, on db: PostgresConnection) throws -> Round? {
        if waiting {
            try db.query("select pg_advisory_xact_lock(hashtext('gerbang.billing'), hashtext($1::text))", tenantID)
        } else {
            let locked = try db.query(
                "select pg_try_advisory_xact_lock(hashtext('gerbang.billing'), hashtext($1::text)) as locked", tenantID)
            guard try locked.first?.decode("locked", as: Bool.self) == true else { return nil }
        }
        guard let tenant = try BillingTenant.load(tenantID, baseDomain: baseDomain, on: db) else { return Round() }
        let today = CalendarDay(now, in: tenant.timeZone)
        return Round(
            invoices: try invoice(tenant, today: today, on: db), reminders: try remind(tenant, today: today, on: db))
    }

    /// Makes the invoices due today that do not exist yet. - Returns: how many.
    private func invoice(_ tenant: BillingTenant, today: CalendarDay, on db: PostgresConnection) throws -> Int {
        // Whoever already has an invoice for this calendar month is done; the rest are looked at.
        let candidates = try db.query(
            """
            select s.id, s.name, s.phone, s.billing_day, s.plan_id, s.monthly_price,
                to_char(coalesce(s.installation_date, (s.created_at at time zone $3)::date), 'YYYY-MM-DD') as started_on,
                (select max(i.period) from invoices i where i.tenant_id = s.tenant_id and i.subscriber_id = s.id)
                    as last_period
            from subscribers_with_plan s
            where s.tenant_id = $1 and s.status in ('active', 'isolated')
                and not exists (
                    select 1 from invoices i where i.tenant_id = s.tenant_id and i.subscriber_id = s.id and i.period >= $2)
            order by s.customer_number
            """, tenant.id, today.period, tenant.timeZoneIdentifier)
        var made = 0
        for row in candidates {
            guard made < Self.batchSize else { break }
            guard let startedOn = CalendarDay(iso: try row.decode("started_on")),
                let due = BillingCycle.dueInvoice(
                    today: today, billingDay: try row.decode("billing_day"), startedOn: startedOn,
                    price: try row.decode("monthly_price"), prorate: tenant.prorateFirstInvoice),
                due.period > (row.decode("last_period", as: String?.self) ?? "")
            else { continue }
            try create(
                due, subscriber: try row.decode("id"), plan: try row.decode("plan_id"), name: try row.decode("name"),
                phone: try row.decode("phone"), tenant: tenant, today: today, on: db)
            made += 1
        }
        return made
    }

    /// One invoice with the next number of its year, its pay link and its message, in one transaction.
    private func create(
        _ due: BillingCycle.Due, subscriber: UUID, plan: UUID, name: String, phone: String, tenant: BillingTenant,
        today: CalendarDay, on db: PostgresConnection
    ) throws {
        let year = due.invoiceDay.year
        let sequence =
            try db.query(
                """
                insert into invoice_counters as c (tenant_id, year, last_number) values ($1, $2, 1)
                on conflict (tenant_id, year) do update set last_number = c.last_number + 1
                returning last_number
                """, tenant.id, year
            ).first?.decode("last_number", as: Int.self) ?? 1
        let number = String(format: "INV-%04d-%06d", year, sequence)
        let dueDate = due.invoiceDay.adding(days: tenant.dueDays)
        let token = RandomToken.hex()
        let id = try db.query(
            """
            insert into invoices (tenant_id, invoice_number, subscriber_id, plan_id, period, amount, due_date,
                payment_token_hash, payment_reference)
            values ($1, $2, $3, $4, $5, $6, $7::date, token_hash($8), $9)
            returning id
            """, tenant.id, number, subscriber, plan, due.period, due.amount, dueDate.description, token,
            "IV" + RandomToken.code(length: 12)
        ).first?.decode("id", as: UUID.self)
        guard let id else { return }
        let invoice = BilledInvoice(
            id: id, number: number, amount: due.amount, period: due.period, dueDate: dueDate, subscriberName: name,
            phone: phone)
        try InvoicePayLink.send(.issued, about: invoice, token: token, tenant: tenant, recording: true, on: db)
        // The new invoice's message already names its due date: a reminder right after it would be noise.
        if today >= dueDate.adding(days: -tenant.reminderDaysBefore) {
            try InvoicePayLink.record(.beforeDue, invoiceID: id, tenantID: tenant.id, on: db)
        }
        if today >= dueDate { try InvoicePayLink.record(.due, invoiceID: id, tenantID: tenant.id, on: db) }
    }

    private func runLoggingErrors() {
        do {
            let round = try run(waiting: false)
            if round.invoices > 0 { Log.info("billing run made \(round.invoices) invoice(s)") }
        } catch {
            Log.warning("billing run failed: \(error)")
        }
    }
}
