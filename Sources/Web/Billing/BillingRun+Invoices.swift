import Foundation
import Postgres
import Templates

extension BillingRun {
    /// Makes the invoices due today that do not exist yet, for the next `batchSize` subscribers after
    /// customer number `after` who have none for this month.
    /// - Returns: how many, and the last customer number looked at (nil when fewer than a batch were left).
    func invoice(_ tenant: BillingTenant, today: CalendarDay, after: String, on db: PostgresConnection) throws -> (
        made: Int, lastLookedAt: String?
    ) {
        // Whoever already has an invoice for this calendar month is done; the rest are looked at. The batch
        // walks the tenant's subscribers in customer-number order, each one's latest period read by its own
        // index lookup: as a join of the plans and an anti-join of the invoices, the planner sometimes read all
        // of a large ISP's subscribers, or all its invoices, for each batch of 200.
        let candidates = try db.query(
            """
            select c.id, c.customer_number, c.name, c.phone, c.billing_day, c.plan_id, p.price as monthly_price,
                c.started_on, c.last_period
            from (
                select s.id, s.tenant_id, s.customer_number, s.name, s.phone, s.billing_day, s.plan_id,
                    to_char(coalesce(s.installation_date, (s.created_at at time zone $3)::date), 'YYYY-MM-DD') as started_on,
                    latest.period as last_period
                from subscribers s
                cross join lateral (
                    select max(i.period) as period from invoices i where i.tenant_id = s.tenant_id and i.subscriber_id = s.id
                ) as latest
                where s.tenant_id = $1 and s.status in ('active', 'isolated') and s.customer_number > $4
                    and coalesce(latest.period, '') < $2
                order by s.customer_number
                limit $5
            ) as c
            join plans p on p.tenant_id = c.tenant_id and p.id = c.plan_id
            order by c.customer_number
            """, tenant.id, today.period, tenant.timeZoneIdentifier, after, Self.batchSize)
        var owed: [Owed] = []
        var lookedAt = 0
        var last: String?
        for row in candidates {
            lookedAt += 1
            last = try row.decode("customer_number", as: String.self)
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
        for (invoice, sequence) in zip(owed, numbers) {
            try create(invoice, sequence: sequence, tenant: tenant, today: today, on: db)
        }
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

    /// One invoice with its pay link and its message. Its id is made here, so the insert is sent with
    /// the message's statements instead of costing a round trip of its own.
    private func create(
        _ owed: Owed, sequence: Int, tenant: BillingTenant, today: CalendarDay, on db: PostgresConnection
    ) throws {
        let due = owed.due
        let number = String(format: "INV-%04d-%06d", due.invoiceDay.year, sequence)
        let dueDate = due.invoiceDay.adding(days: tenant.dueDays)
        let token = RandomToken.hex()
        let id = UUID()
        try db.enqueue(
            """
            insert into invoices (tenant_id, id, invoice_number, subscriber_id, plan_id, period, amount, due_date,
                payment_token_hash, payment_reference)
            values ($1, $2, $3, $4, $5, $6, $7, $8::date, token_hash($9), $10)
            """, tenant.id, id, number, owed.subscriber, owed.plan, due.period, due.amount, dueDate.description, token,
            "IV" + RandomToken.code(length: 12))
        let invoice = BilledInvoice(
            id: id, number: number, amount: due.amount, period: due.period, dueDate: dueDate, subscriberName: owed.name,
            phone: owed.phone)
        try InvoicePayLink.send(.issued, about: invoice, token: token, tenant: tenant, recording: true, on: db)
        // The new invoice's message already names its due date: a reminder right after it would be noise.
        if today >= dueDate.adding(days: -tenant.reminderDaysBefore) {
            try InvoicePayLink.record(.beforeDue, invoiceID: id, tenantID: tenant.id, on: db)
        }
        if today >= dueDate { try InvoicePayLink.record(.due, invoiceID: id, tenantID: tenant.id, on: db) }
    }
}
