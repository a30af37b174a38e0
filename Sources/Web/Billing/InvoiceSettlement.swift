import Foundation
import Postgres
import Templates

/// Money an admin takes at the counter (cash, a bank transfer seen on the ISP's account) and invoices
/// voided by hand. Each change is one transaction in the tenant's scope with the invoice's row locked,
/// like the payment path's, and its audit row.
///
/// Counter payments may be partial: each is a `payments` row (method, who recorded it, the reference
/// as its note), added up on the invoice (`counter_paid`), so an online payment afterwards is asked
/// for the rest only (`Invoice.amountDue`). When they reach the invoice's amount, the invoice is settled by the same code as a
/// gateway's payment (`InvoiceFulfilment.settle`): paid, its receipt, the subscriber reinstated and
/// disconnected so its plan applies. Paying more than is owed is refused.
///
/// Voiding needs a reason and an invoice with no money against it (money taken stays in `payments`,
/// append-only, and would have to be refunded by hand first). A void does not reinstate an isolated
/// subscriber by itself: it corrects a bill, it is not a payment; the admin restores the subscriber.
struct InvoiceSettlement: Sendable {
    enum Method: String, Sendable, CaseIterable {
        case cash
        case bankTransfer = "bank_transfer"
    }

    struct CounterPayment: Sendable {
        let amount: Int64
        let method: Method
        /// A transfer's number, a receipt book's page; may be empty.
        let reference: String
    }

    enum PaymentOutcome: Sendable, Equatable {
        /// Recorded; the invoice still awaits `remaining`.
        case recorded(remaining: Int64)
        /// Recorded, and the invoice is now paid.
        case settled
        case notFound
        /// Paid or void already: nothing more can be taken for it.
        case notPayable(Invoice.Status)
        /// More than is still owed; nothing recorded.
        case exceedsRemaining(Int64)
    }

    enum VoidOutcome: Sendable, Equatable {
        case voided
        case notFound
        case notUnpaid(Invoice.Status)
        /// Payments were recorded against it.
        case hasPayments
    }

    let database: PostgresPool
    let invoices: InvoiceRepository
    var disconnector = RadiusDisconnector()

    /// The sum of the money recorded for the invoice.
    static func paidSoFar(invoiceID: UUID, tenantID: UUID, on db: PostgresConnection) throws -> Int64 {
        try db.query(
            """
            select coalesce(sum(amount), 0)::bigint as paid from payments
            where tenant_id = $1 and subject = 'invoice' and subject_id = $2 and status = 'paid'
            """, tenantID, invoiceID
        ).first?.decode("paid", as: Int64.self) ?? 0
    }

    func record(_ payment: CounterPayment, invoiceNumber: String, for tenant: Tenant, by actor: AuditActor) throws
        -> PaymentOutcome
    {
        let (outcome, sessions) = try database.scoped(to: tenant).transaction { db -> (PaymentOutcome, SessionsToEnd) in
            guard let invoice = try invoices.lockedInvoice(number: invoiceNumber, tenantID: tenant.id, on: db) else {
                return (.notFound, .none)
            }
            guard invoice.status == .unpaid else { return (.notPayable(invoice.status), .none) }
            let paid = invoice.counterPaid
            let remaining = invoice.amountDue
            guard payment.amount <= remaining else { return (.exceedsRemaining(remaining), .none) }
            // A gateway page opened for the old amount is forgotten: the next Pay charges what is left.
            try db.query(
                """
                update invoices set counter_paid = counter_paid + $3, checkout_url = null
                where tenant_id = $1 and id = $2
                """, tenant.id, invoice.id, payment.amount)
            try db.query(
                """
                insert into payments (tenant_id, subject, subject_id, gateway_provider, amount, currency, status, method,
                    recorded_by, note, item)
                values ($1, 'invoice', $2, $3::text, $4, $5, 'paid', $3::text, $6, $7, payment_item($1, 'invoice', $2))
                """, tenant.id, invoice.id, payment.method.rawValue, payment.amount, invoice.currency, actor.email,
                payment.reference)
            let left = remaining - payment.amount
            try db.query(
                """
                select audit($1, $2, $9, 'invoice.payment', $3, jsonb_build_object('paid', $4::bigint),
                    jsonb_build_object('amount', $5::bigint, 'method', $6::text, 'reference', $7::text,
                        'remaining', $8::bigint))
                """, tenant.id, actor.email, invoice.number, paid, payment.amount, payment.method.rawValue,
                payment.reference, left, actor.clientAddress)
            guard left == 0 else { return (.recorded(remaining: left), .none) }
            let sessions = try InvoiceFulfilment(subject: invoice, invoices: invoices).settle(on: db)
            return (.settled, sessions)
        }
        sessions.send(with: disconnector, database: database)
        return outcome
    }

    func void(invoiceNumber: String, reason: String, for tenant: Tenant, by actor: AuditActor) throws -> VoidOutcome {
        try database.scoped(to: tenant).transaction { db in
            guard let invoice = try invoices.lockedInvoice(number: invoiceNumber, tenantID: tenant.id, on: db) else {
                return .notFound
            }
            guard invoice.status == .unpaid else { return .notUnpaid(invoice.status) }
            guard try Self.paidSoFar(invoiceID: invoice.id, tenantID: tenant.id, on: db) == 0 else { return .hasPayments }
            // The checkout page is forgotten too: a gateway's late payment for it is refused as void.
            try db.query(
                """
                update invoices set status = 'void', voided_at = now(), void_reason = $3, checkout_url = null
                where tenant_id = $1 and id = $2
                """, tenant.id, invoice.id, reason)
            try db.query(
                """
                select audit($1, $2, $5, 'invoice.void', $3, jsonb_build_object('status', 'unpaid'),
                    jsonb_build_object('status', 'void', 'reason', $4::text))
                """, tenant.id, actor.email, invoice.number, reason, actor.clientAddress)
            return .voided
        }
    }
}

extension InvoiceSettlement.Method {
    /// How a `payments` row's method reads (its `gateway_provider`): the counter's methods in the
    /// reader's language, a gateway by its name.
    static func name(of provider: String, in words: SettlementStrings) -> String {
        switch Self(rawValue: provider) {
        case .cash: words.methodCash
        case .bankTransfer: words.methodBankTransfer
        case nil: provider.capitalized
        }
    }
}
