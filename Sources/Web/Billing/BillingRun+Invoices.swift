import Foundation
import Postgres
import Templates

extension BillingRun {
    /// Makes the invoices due today that do not exist yet, for the next `batchSize` subscribers after
    /// the one with id `after` who have none for this month.
    /// - Returns: how many, and the id of the last subscriber looked at (nil when fewer than a batch were left).
    func invoice(_ tenant: BillingTenant, today: CalendarDay, after: UUID, on db: PostgresConnection) throws -> (
        made: Int, lastLookedAt: UUID?
    ) {
        // Whoever already has an invoice for this calendar month is done; the rest are looked at. The batch
        // walks the tenant's subscribers in the order of their ids, each one's latest period read by its own
        // index lookup: as a join of the plans and an anti-join of the invoices, the planner sometimes read all
        // of a large ISP's subscribers, or all its invoices, for each batch of 200. In the ids' order, each
        // subscriber's probe, key check and index entries come next to the one before's (the ids are
        // random, so customer-number order met them anywhere): 10 % more invoices a second at a large ISP's
        // size (docs/BENCHMARKS.md).
        //
        // A tenant larger than a batch has it planned for its own size on every call. The run bills the
        // smallest ISPs and the largest on the same connections, and a prepared statement's generic plan
        // keeps the estimates of the tenant in scope when it was made (PostgreSQL estimates row-level
        // security's range from the setting). One made during a small ISP's batch read each latest period
        // through the invoices' key: cheap there, and at a large ISP all 480,000 of its invoices for each
        // subscriber (a batch of 200 took 102 s instead of milliseconds). The probe and the plans name the
        // tenant by its value, so that a plan for it knows its size. Planning costs about 3 ms a call,
        // which at 10,000 small ISPs of one batch each would be half a minute of the platform's run:
        // theirs stay prepared.
        let candidates = try db.query(
            PostgresStatement(
                """
                select c.id, c.name, c.phone, c.billing_day, c.plan_id, p.price as monthly_price, c.started_on,
                    c.last_period
                from (
                    select s.id, s.name, s.phone, s.billing_day, s.plan_id,
                        to_char(coalesce(s.installation_date, (s.created_at at time zone $3)::date), 'YYYY-MM-DD') as started_on,
                        latest.period as last_period
                    from subscribers s
                    cross join lateral (
                        select max(i.period) as period from invoices i where i.tenant_id = $1 and i.subscriber_id = s.id
                    ) as latest
                    where s.tenant_id = $1 and s.status in ('active', 'isolated') and s.id > $4
                        and coalesce(latest.period, '') < $2
                    order by s.id
                    limit $5
                ) as c
                join plans p on p.tenant_id = $1 and p.id = c.plan_id
                order by c.id
                """, tenant.id, today.period, tenant.timeZoneIdentifier, after, Self.batchSize,
                plannedForItsValues: tenant.isLargerThanABatch))
        var owed: [Owed] = []
        var lookedAt = 0
        var last: UUID?
        for row in candidates {
            lookedAt += 1
            last = try row.decode("id", as: UUID.self)
            guard let startedOn = CalendarDay(iso: try row.decode("started_on")),
                let due = BillingCycle.dueInvoice(
                    today: today, billingDay: try row.decode("billing_day"), startedOn: startedOn,
                    price: try row.decode("monthly_price"), prorate: tenant.prorateFirstInvoice),
                due.period > (row.decode("last_period", as: String?.self) ?? "")
            else { continue }
            owed.append(
                Owed(
                    due: due, subscriber: try row.decode("id"), plan: try row.decode("plan_id"),
                    name: try row.decode("name"), phone: try row.decode("phone")))
        }
        let numbers = try reserveNumbers(years: owed.map(\.due.invoiceDay.year), tenantID: tenant.id, on: db)
        try create(zip(owed, numbers).map { Made($0, sequence: $1, dueDays: tenant.dueDays) }, tenant: tenant, today: today, on: db)
        return (owed.count, lookedAt == Self.batchSize ? last : nil)
    }

    /// A subscriber's invoice that is owed today.
    private struct Owed {
        let due: BillingCycle.Due
        let subscriber: UUID
        let plan: UUID
        let name: String
        let phone: String
    }

    /// The next numbers of each year's counter for invoices dated in `years` (one each, in order): one
    /// statement per year instead of one per invoice, and no gaps, since the batch's transaction makes
    /// every invoice it numbers or none.
    private func reserveNumbers(years: [Int], tenantID: UUID, on db: PostgresConnection) throws -> [Int] {
        var counts: [Int: Int] = [:]
        for year in years { counts[year, default: 0] += 1 }
        var next: [Int: Int] = [:]
        for (year, count) in counts.sorted(by: { $0.key < $1.key }) {
            let last =
                try db.query(
                    """
                    insert into invoice_counters as c (tenant_id, year, last_number) values ($1, $2, $3)
                    on conflict (tenant_id, year) do update set last_number = c.last_number + excluded.last_number
                    returning last_number
                    """, tenantID, year, count
                ).first?.decode("last_number", as: Int.self) ?? count
            next[year] = last - count + 1
        }
        return years.map { year in
            defer { next[year, default: 1] += 1 }
            return next[year, default: 1]
        }
    }

    /// An invoice as it is made: numbered, with the token of its first pay link.
    private struct Made {
        let owed: Owed
        let invoice: BilledInvoice
        let token = RandomToken.hex()
        let reference = "IV" + RandomToken.code(length: 12)

        init(_ owed: Owed, sequence: Int, dueDays: Int) {
            self.owed = owed
            let due = owed.due
            invoice = BilledInvoice(
                id: UUID(), number: String(format: "INV-%04d-%06d", due.invoiceDay.year, sequence), amount: due.amount,
                period: due.period, dueDate: due.invoiceDay.adding(days: dueDays), subscriberName: owed.name,
                phone: owed.phone)
        }
    }

    /// A batch's invoices, their messages and the marks of what was sent, a statement each, queued with
    /// the transaction's COMMIT. An insert's fixed cost (its checks, ten on an invoice, prepared each
    /// time; the executor's start and end) came to about half of a batch's time in PostgreSQL when each
    /// invoice was a statement of its own (1,000 invoices: 140-230 ms one by one, 71 ms as one).
    private func create(_ made: [Made], tenant: BillingTenant, today: CalendarDay, on db: PostgresConnection) throws {
        guard !made.isEmpty else { return }
        try db.enqueue(
            """
            insert into invoices (tenant_id, id, invoice_number, subscriber_id, plan_id, period, amount, due_date,
                payment_token_hash, payment_reference)
            select $1, n.id, n.number, n.subscriber, n.plan, n.period, n.amount, n.due_date::date, token_hash(n.token),
                n.reference
            from unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::bigint[], $8::text[], $9::text[],
                $10::text[]) as n (id, number, subscriber, plan, period, amount, due_date, token, reference)
            """, tenant.id, made.map(\.invoice.id), made.map(\.invoice.number), made.map(\.owed.subscriber),
            made.map(\.owed.plan), made.map(\.invoice.period), made.map(\.invoice.amount),
            made.map(\.invoice.dueDate.description), made.map(\.token), made.map(\.reference))
        try NotificationOutbox().queue(
            .whatsapp, made.compactMap { InvoicePayLink.message(.issued, about: $0.invoice, token: $0.token, tenant: tenant) },
            tenantID: tenant.id, on: db)
        // The new invoice's message already names its due date: a reminder right after it would be noise.
        var marks: [(invoiceID: UUID, kind: BillingMessageKind)] = []
        for invoice in made.map(\.invoice) {
            marks.append((invoice.id, .issued))
            if today >= invoice.dueDate.adding(days: -tenant.reminderDaysBefore) { marks.append((invoice.id, .beforeDue)) }
            if today >= invoice.dueDate { marks.append((invoice.id, .due)) }
        }
        try InvoicePayLink.record(marks, tenantID: tenant.id, on: db)
    }
}
