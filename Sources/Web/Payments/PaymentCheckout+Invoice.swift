import Foundation
import Postgres

extension PaymentCheckout {
    /// How long a gateway's page for an invoice stays open. An invoice has no deadline of its own; an
    /// expiry webhook forgets the page, so the next press of Pay opens a fresh one.
    static let invoiceCheckoutLifetime: Duration = .seconds(24 * 3600)

    /// Opens the checkout for an unpaid invoice of `payer`, under the invoice's payment reference (`IV…`).
    /// - Parameter returnURL: where the gateway sends the payer back (`/payments/return?invoice=IV…`).
    func open(_ invoice: Invoice, payer: Subscriber, returnURL: String, for tenant: Tenant) throws -> Outcome<Invoice> {
        let invoices = InvoiceRepository(database: database)
        return try open(
            invoice, for: tenant,
            lock: { connection in try invoices.lockedInvoice(number: invoice.number, tenantID: tenant.id, on: connection) },
            request: { locked, _ in
                let name = "Invoice \(locked.number) (\(locked.period))"
                return CheckoutRequest(
                    reference: locked.paymentReference, amount: locked.amountDue, currency: locked.currency,
                    description: name, customerName: payer.name, customerEmail: payer.email,
                    customerPhone: payer.phone,
                    items: [CheckoutRequest.Item(id: locked.number, name: name, unitPrice: locked.amountDue, quantity: 1)],
                    returnURL: returnURL, expiresIn: Self.invoiceCheckoutLifetime)
            },
            record: { checkout, account, locked, connection in
                try invoices.recordCheckout(checkout, account: account, invoiceID: locked.id, tenantID: tenant.id, on: connection)
            })
    }
}
