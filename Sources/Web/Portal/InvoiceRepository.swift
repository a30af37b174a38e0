import Foundation
import Postgres

/// Invoices of one tenant at a time: every method takes the tenant and scopes by it; those a
/// subscriber reaches also take the subscriber, so a number from someone else's invoice finds nothing.
///
/// The pay-by-link token is hashed in SQL; only its SHA-256 is stored or compared. The payment path
/// (checkout and webhook) locks an invoice with `lockedInvoice(…, on:)` inside its own transaction.
struct InvoiceRepository: Sendable {
    let database: PostgresPool

    /// The subscriber's invoices, unpaid first (oldest due first), then the rest by period, newest first.
    func invoices(of subscriber: Subscriber) throws -> [Invoice] {
        let rows = try database.scoped(toTenantID: subscriber.tenantID).query(
            """
            select i.* from invoices_with_overdue i
            where i.tenant_id = $1 and i.subscriber_id = $2
            order by i.status = 'unpaid' desc,
                case when i.status = 'unpaid' then i.due_date end asc,
                i.period desc, i.created_at desc
            """, subscriber.tenantID, subscriber.id)
        return try rows.map(Invoice.init(row:))
    }

    /// The unpaid invoice due first, if any.
    func nextUnpaid(of subscriber: Subscriber) throws -> Invoice? {
        try invoices(of: subscriber).first { $0.status == .unpaid }
    }

    /// The subscriber's own invoice by number; nil for another subscriber's, another tenant's, or none.
    func invoice(number: String, of subscriber: Subscriber) throws -> Invoice? {
        let rows = try database.scoped(toTenantID: subscriber.tenantID).query(
            """
            select i.* from invoices_with_overdue i
            where i.tenant_id = $1 and i.subscriber_id = $2 and i.invoice_number = $3
            """, subscriber.tenantID, subscriber.id, number)
        return try rows.first.map(Invoice.init(row:))
    }

    /// The invoice a pay-by-link token opens on this tenant's site; nil for an unknown token or one
    /// of another tenant's invoices. Void invoices are not payable and not shown.
    func invoice(paymentToken: String, for tenant: Tenant) throws -> Invoice? {
        guard SessionStore.isWellFormed(paymentToken) else { return nil }
        let rows = try database.scoped(to: tenant).query(
            """
            select i.* from invoices_with_overdue i
            where i.tenant_id = $1 and i.status <> 'void'
                and i.payment_token_hash = token_hash($2)
            """, tenant.id, paymentToken)
        return try rows.first.map(Invoice.init(row:))
    }

    /// The invoice by number with its row locked until `connection`'s transaction ends: the payment
    /// path's one way to change an invoice, so concurrent checkouts and webhooks are applied one at a time.
    func lockedInvoice(number: String, tenantID: UUID, on connection: PostgresConnection) throws -> Invoice? {
        let rows = try connection.query(
            """
            select i.*, invoice_is_overdue(i.status, i.due_date, b.time_zone) as is_overdue
            from invoices i join tenant_branding b on b.tenant_id = i.tenant_id
            where i.tenant_id = $1 and i.invoice_number = $2
            for update of i
            """, tenantID, number)
        return try rows.first.map(Invoice.init(row:))
    }

    /// The tenant's invoice a payment reference (`IV…`) names, for the sandbox page and the gateway's
    /// return; nil for another tenant's or none.
    func invoice(paymentReference: String, for tenant: Tenant) throws -> Invoice? {
        try invoice(paymentReference: paymentReference, tenantID: tenant.id)
    }

    /// Head office path for the central webhook: the invoice a gateway reference names, in any tenant.
    /// The caller must prove the delivery authentic before acting on it.
    func unscopedInvoice(paymentReference: String) throws -> Invoice? {
        try invoice(paymentReference: paymentReference, tenantID: nil)
    }

    private func invoice(paymentReference: String, tenantID: UUID?) throws -> Invoice? {
        guard PaymentSubject(reference: paymentReference) == .invoice else { return nil }
        let rows = try database.scopedOrUnscoped(tenantID: tenantID).query(
            """
            select i.* from invoices_with_overdue i
            where i.payment_reference = $1 and ($2::uuid is null or i.tenant_id = $2)
            """, paymentReference, tenantID)
        return try rows.first.map(Invoice.init(row:))
    }

    /// Remembers which account opened the checkout (the webhook verifies with it) and where it lives,
    /// and lifts the payer's claim (`CheckoutClaims`) in the same write. An invoice that stopped being
    /// unpaid during the gateway call only loses the claim.
    func recordCheckout(
        _ checkout: Checkout, account: PaymentGatewayAccount, invoiceID: UUID, tenantID: UUID,
        on connection: PostgresConnection
    ) throws {
        try connection.enqueue(
            """
            update invoices
            set checkout_started_at = null,
                gateway_id = case when status = 'unpaid' then $3::uuid else gateway_id end,
                gateway_provider = case when status = 'unpaid' then $4 else gateway_provider end,
                gateway_reference = case when status = 'unpaid' then $5 else gateway_reference end,
                checkout_url = case when status = 'unpaid' then $6 else checkout_url end,
                checkout_opened_at = case when status = 'unpaid' then now() else checkout_opened_at end
            where tenant_id = $1 and id = $2
            """, tenantID, invoiceID, account.id, account.provider.rawValue, checkout.gatewayReference,
            checkout.redirectURL)
    }

    /// Forgets the gateway's page after it failed or expired, so the next Pay opens a new one. The
    /// account and reference stay, so a late delivery about the old page is still verified. (The status
    /// is tested as `markPaid` explains.)
    func forgetCheckout(invoiceID: UUID, tenantID: UUID, gatewayReference: String?, on connection: PostgresConnection)
        throws
    {
        try connection.query(
            """
            update invoices set checkout_url = null
            where tenant_id = $1 and id = $2 and (status = 'unpaid') is true
                and ($3::text is null or gateway_reference is not distinct from $3)
            """, tenantID, invoiceID, gatewayReference)
    }

    /// Marks the invoice paid, inside the payment path's transaction (which holds its row lock).
    ///
    /// An update of one invoice by its key that must leave it alone unless unpaid says
    /// `(status = 'unpaid') is true`: with `status = 'unpaid'` the planner can reach the row through
    /// `invoices_unpaid`, whose predicate that condition matches, and read every unpaid invoice of the
    /// tenant to find it (26,070 at a large ISP just after its billing run: 13-20 ms where the key takes
    /// 0.2 ms), because its statistics were gathered when unpaid invoices were few.
    func markPaid(invoiceID: UUID, tenantID: UUID, on connection: PostgresConnection) throws {
        try connection.query(
            """
            update invoices set status = 'paid', paid_at = now()
            where tenant_id = $1 and id = $2 and (status = 'unpaid') is true
            """, tenantID, invoiceID)
    }

    /// How the paid invoice was paid: the providers of the payments that settled it, first first (`cash`
    /// and `bank_transfer` at the counter, possibly in parts), not the gateway of a checkout opened
    /// before and never paid.
    func settlingProviders(of invoice: Invoice) throws -> [String] {
        try database.scoped(toTenantID: invoice.tenantID).query(
            """
            select gateway_provider from payments
            where tenant_id = $1 and subject = 'invoice' and subject_id = $2 and status = 'paid'
            group by gateway_provider order by min(created_at)
            """, invoice.tenantID, invoice.id
        ).map { try $0.decode("gateway_provider", as: String.self) }
    }

    /// The payments recorded for the subscriber's invoices, newest first.
    func payments(of subscriber: Subscriber) throws -> [InvoicePayment] {
        let rows = try database.scoped(toTenantID: subscriber.tenantID).query(
            """
            select i.invoice_number, i.period, p.amount, p.gateway_provider, p.status, p.created_at
            from payments p join invoices i on i.tenant_id = p.tenant_id and i.id = p.subject_id
            where p.tenant_id = $1 and p.subject = 'invoice' and i.subscriber_id = $2
            order by p.created_at desc
            """, subscriber.tenantID, subscriber.id)
        return try rows.map { row in
            InvoicePayment(
                invoiceNumber: try row.decode("invoice_number", as: String.self),
                period: try row.decode("period", as: String.self), amount: try row.decode("amount", as: Int64.self),
                gatewayProvider: try row.decode("gateway_provider", as: String.self),
                status: try row.decode("status", as: String.self), createdAt: try row.decode("created_at", as: Date.self))
        }
    }
}
