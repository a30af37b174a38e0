import Foundation
import Postgres
import Templates

/// The admin's side of an invoice's pay link: a new link (the old one stops working), optionally sent by
/// WhatsApp, in one tenant-scoped transaction with its `audit_log` row; and which billing messages the
/// invoice has had. Like `OrderMessageResender`, but drawing a new token, since no link can be repeated.
struct InvoiceLinkRenewer: Sendable {
    let database: PostgresPool
    let baseDomain: String

    enum Outcome: Sendable, Equatable {
        /// The new token (in no table) and the number it went to, when sent.
        case renewed(token: String, sentTo: String?)
        case notFound
        /// Paid or void, or nobody to send to.
        case notRenewable
    }

    func renew(number: String, sending: Bool, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        try database.scoped(to: tenant).transaction { db in
            guard
                let row = try db.query(
                    """
                    select i.id, i.invoice_number, i.amount, i.period, to_char(i.due_date, 'YYYY-MM-DD') as due_date,
                        s.name, s.phone
                    from invoices i join subscribers s on s.tenant_id = i.tenant_id and s.id = i.subscriber_id
                    where i.tenant_id = $1 and i.invoice_number = $2
                    for update of i
                    """, tenant.id, number
                ).first,
                let dueDate = CalendarDay(iso: try row.decode("due_date"))
            else { return .notFound }
            let invoice = BilledInvoice(
                id: try row.decode("id"), number: try row.decode("invoice_number"), amount: try row.decode("amount"),
                period: try row.decode("period"), dueDate: dueDate, subscriberName: try row.decode("name"),
                phone: try row.decode("phone"))
            guard !sending || invoice.recipient != nil,
                let token = try InvoicePayLink.reissue(invoiceID: invoice.id, tenantID: tenant.id, on: db)
            else { return .notRenewable }
            if sending, let billing = try BillingTenant.load(tenant.id, baseDomain: baseDomain, on: db) {
                try InvoicePayLink.send(.issued, about: invoice, token: token, tenant: billing, recording: false, on: db)
            }
            try db.query(
                """
                select audit($1, $2, $6, $3, $4, null, jsonb_build_object('recipient', $5::text))
                """, tenant.id, actor.email, sending ? "invoice.resend_link" : "invoice.reissue_link", invoice.number,
                sending ? invoice.phone : nil, actor.clientAddress)
            return .renewed(token: token, sentTo: sending ? invoice.phone : nil)
        }
    }

    /// The billing messages the invoice has had, oldest first, with when each was queued.
    func sentMessages(invoiceID: UUID, for tenant: Tenant) throws -> [(kind: BillingMessageKind, queuedAt: Date)] {
        try database.scoped(to: tenant).query(
            "select kind, queued_at from invoice_messages where tenant_id = $1 and invoice_id = $2 order by queued_at, kind",
            tenant.id, invoiceID
        ).compactMap { row in
            guard let kind = BillingMessageKind(rawValue: try row.decode("kind")) else { return nil }
            return (kind, try row.decode("queued_at", as: Date.self))
        }
    }
}
