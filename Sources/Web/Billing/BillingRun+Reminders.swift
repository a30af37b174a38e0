import Foundation
import Postgres
import Templates

extension BillingRun {
    /// Sends the reminders due today that have not gone yet, each with a new link: some days before the
    /// due date, on the due date (both only while the subscriber is active or isolated), and once an
    /// unpaid subscriber has been isolated. A reminder whose day passed while nothing ran is not sent
    /// late ("due today" two days after); the isolation message goes whenever it is first seen.
    /// - Returns: how many.
    func remind(_ tenant: BillingTenant, today: CalendarDay, on db: PostgresConnection) throws -> Int {
        // Reads the tenant's unpaid invoices: planned for a large tenant's size, like the invoices' batch.
        // `offset 0` keeps the message check a probe of `invoice_messages`' key for each candidate. As an
        // anti-join, the planner (which cannot judge how many rows the `case` keeps) read every message
        // of the tenant again for each candidate: 33 s for 19,602 candidates of a large ISP, 0.1 s now.
        let due = try db.query(
            PostgresStatement(
                """
                select i.id, i.invoice_number, i.amount, i.period, to_char(i.due_date, 'YYYY-MM-DD') as due_date,
                    s.name, s.phone, k.kind
                from invoices i
                join subscribers s on s.tenant_id = i.tenant_id and s.id = i.subscriber_id
                cross join (values ('before_due'), ('due'), ('isolated')) as k (kind)
                where i.tenant_id = $1 and i.status = 'unpaid'
                    and case k.kind
                        when 'before_due' then $3::integer > 0 and s.status in ('active', 'isolated')
                            and $2::date >= i.due_date - $3::integer and $2::date < i.due_date
                        when 'due' then s.status in ('active', 'isolated') and $2::date = i.due_date
                        else s.status = 'isolated' and i.due_date < $2::date
                    end
                    and not exists (
                        select 1 from invoice_messages m
                        where m.tenant_id = $1 and m.invoice_id = i.id and m.kind = k.kind
                        offset 0)
                order by i.due_date, i.invoice_number, k.kind
                limit $4
                """, tenant.id, today.description, tenant.reminderDaysBefore, Self.batchSize,
                plannedForItsValues: tenant.isLargerThanABatch))
        var sent = 0
        for row in due {
            guard let kind = BillingMessageKind(rawValue: try row.decode("kind")),
                let dueDate = CalendarDay(iso: try row.decode("due_date"))
            else { continue }
            let invoice = BilledInvoice(
                id: try row.decode("id"), number: try row.decode("invoice_number"), amount: try row.decode("amount"),
                period: try row.decode("period"), dueDate: dueDate, subscriberName: try row.decode("name"),
                phone: try row.decode("phone"))
            // Without a number there is nobody to write to, and the link that exists stays valid.
            guard invoice.recipient != nil else {
                try InvoicePayLink.record(kind, invoiceID: invoice.id, tenantID: tenant.id, on: db)
                continue
            }
            guard let token = try InvoicePayLink.reissue(invoiceID: invoice.id, tenantID: tenant.id, on: db) else { continue }
            try InvoicePayLink.send(kind, about: invoice, token: token, tenant: tenant, recording: true, on: db)
            sent += 1
        }
        return sent
    }
}
