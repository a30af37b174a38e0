import Foundation
import Postgres
import Templates

/// Pay links and the WhatsApp messages that carry them.
///
/// Only a link token's SHA-256 is stored, so a link cannot be sent twice: every message draws a new
/// token, which replaces the stored hash, and the link of any earlier message stops working (its page
/// is a 404). The newest message always holds the one working link; a subscriber who opens an old
/// one is told to use the latest. Holding the token encrypted instead would let a leaked key pay.
enum InvoicePayLink {
    /// A new token for the invoice, replacing the old one, inside the caller's transaction. (The status
    /// is tested as `InvoiceRepository.markPaid` explains: the billing run's reminders took 12 ms each
    /// at a large ISP otherwise.)
    /// - Returns: the token (in no table), or nil for an invoice that is not unpaid.
    static func reissue(invoiceID: UUID, tenantID: UUID, on db: PostgresConnection) throws -> String? {
        let token = RandomToken.hex()
        let changed = try db.query(
            """
            update invoices set payment_token_hash = token_hash($3)
            where tenant_id = $1 and id = $2 and (status = 'unpaid') is true
            """, tenantID, invoiceID, token
        ).affectedRows
        return changed == 1 ? token : nil
    }

    /// Queues the message of `kind` with `token`'s link, in the caller's transaction. The billing run
    /// records the kind (`recording`), so each of its messages goes once; an admin's resend does not.
    static func send(
        _ kind: BillingMessageKind, about invoice: BilledInvoice, token: String, tenant: BillingTenant, recording: Bool,
        on db: PostgresConnection
    ) throws {
        if let message = message(kind, about: invoice, token: token, tenant: tenant) {
            try NotificationOutbox().queue(.whatsapp, [message], tenantID: tenant.id, on: db)
        }
        if recording { try record(kind, invoiceID: invoice.id, tenantID: tenant.id, on: db) }
    }

    /// The WhatsApp message of `kind` with `token`'s link; nil for a subscriber without a number.
    static func message(_ kind: BillingMessageKind, about invoice: BilledInvoice, token: String, tenant: BillingTenant)
        -> NotificationOutbox.Message?
    {
        invoice.recipient.map {
            NotificationOutbox.Message(
                recipient: $0, body: tenant.message(kind, about: invoice, token: token), subjectReference: invoice.number)
        }
    }

    /// Marks `kind` as done for the invoice (sent, or made pointless by an earlier message), inside the
    /// caller's transaction: queued with its next statement or COMMIT rather than a round trip of its own,
    /// so the billing run sends a whole batch's invoices, messages and marks in one pipeline.
    static func record(_ kind: BillingMessageKind, invoiceID: UUID, tenantID: UUID, on db: PostgresConnection) throws {
        try record([(invoiceID, kind)], tenantID: tenantID, on: db)
    }

    /// Marks each kind as done for its invoice, as `record(_:invoiceID:tenantID:on:)`, in one statement.
    static func record(
        _ marks: [(invoiceID: UUID, kind: BillingMessageKind)], tenantID: UUID, on db: PostgresConnection
    ) throws {
        guard !marks.isEmpty else { return }
        try db.enqueue(
            """
            insert into invoice_messages (tenant_id, invoice_id, kind)
            select $1, m.invoice_id, m.kind from unnest($2::uuid[], $3::text[]) as m (invoice_id, kind)
            on conflict do nothing
            """, tenantID, marks.map(\.invoiceID), marks.map(\.kind.rawValue))
    }
}
