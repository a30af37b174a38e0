/// A paid invoice's receipt: who issued it, to whom, for what, and when it was paid (in the tenant's zone).
public struct PortalReceiptView: Sendable, Hashable {
    public let issuerName: String
    public let issuerAddress: String
    public let issuerContact: String
    public let customerName: String
    public let customerNumber: String
    public let invoiceNumber: String
    public let period: String
    public let amount: String
    public let paidAt: String
    /// One receipt per paid invoice, so its number follows from the invoice's (`R-INV…`).
    public let receiptNumber: String
    /// How it was paid: the gateway's name, or the counter.
    public let paymentMethod: String

    public init(
        issuerName: String, issuerAddress: String, issuerContact: String, customerName: String, customerNumber: String,
        invoiceNumber: String, period: String, amount: String, paidAt: String, receiptNumber: String, paymentMethod: String
    ) {
        self.receiptNumber = receiptNumber
        self.paymentMethod = paymentMethod
        self.issuerName = issuerName
        self.issuerAddress = issuerAddress
        self.issuerContact = issuerContact
        self.customerName = customerName
        self.customerNumber = customerNumber
        self.invoiceNumber = invoiceNumber
        self.period = period
        self.amount = amount
        self.paidAt = paidAt
    }
}
