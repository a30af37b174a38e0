/// `GET /admin/invoices/{number}`: one invoice, whose it is, and every payment recorded against it.
public struct AdminInvoiceView: Sendable, Hashable {
    /// One row of the append-only `payments` table, already formatted.
    public struct Payment: Sendable, Hashable {
        public let date: String
        public let method: String
        public let reference: String
        public let amount: String
        public let status: AdminSalesBadge

        public init(date: String, method: String, reference: String, amount: String, status: AdminSalesBadge) {
            self.date = date
            self.method = method
            self.reference = reference
            self.amount = amount
            self.status = status
        }
    }

    public let number: String
    public let status: AdminSalesBadge
    public let invoice: [SummaryLine]
    public let customer: [SummaryLine]
    public let payments: [Payment]
    public let csrfToken: String
    /// Counter payments and voiding (`InvoiceSettlementSection`).
    public var settlement: InvoiceSettlementView?
    /// Re-issuing and re-sending the pay link (the billing feature's own section).
    public var payLink: AdminInvoicePayLinkView?

    public init(
        number: String, status: AdminSalesBadge, invoice: [SummaryLine], customer: [SummaryLine], payments: [Payment],
        csrfToken: String
    ) {
        self.number = number
        self.status = status
        self.invoice = invoice
        self.customer = customer
        self.payments = payments
        self.csrfToken = csrfToken
    }
}
