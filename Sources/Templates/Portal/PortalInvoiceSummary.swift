/// One invoice as the portal and the pay-by-link page show it, already formatted.
public struct PortalInvoiceSummary: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case unpaid(overdue: Bool)
        case paid(at: String)
        case void
    }

    public let number: String
    /// `November 2026`
    public let period: String
    public let amount: String
    public let dueDate: String
    public let state: State
    /// The detail page; nil where the page already is the detail.
    public let detailURL: String?
    /// Where the pay button posts; nil when there is nothing to pay.
    public let payURL: String?
    public let receiptURL: String?

    public init(
        number: String, period: String, amount: String, dueDate: String, state: State, detailURL: String?,
        payURL: String?, receiptURL: String?
    ) {
        self.number = number
        self.period = period
        self.amount = amount
        self.dueDate = dueDate
        self.state = state
        self.detailURL = detailURL
        self.payURL = payURL
        self.receiptURL = receiptURL
    }
}
