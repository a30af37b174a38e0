/// The built-in sandbox gateway's checkout page: pay or fail one pending order or unpaid invoice,
/// no real money.
public struct SandboxCheckoutView: Sendable, Hashable {
    public typealias Line = SummaryLine

    public let merchantName: String
    /// The order's number and package, or the invoice's number and period.
    public let lines: [Line]
    /// `Rp 15.000`
    public let amount: String
    /// `/sandbox/checkout/EV…` or `/sandbox/checkout/IV…`
    public let action: String
    public let csrfToken: String

    public init(merchantName: String, lines: [Line], amount: String, action: String, csrfToken: String) {
        self.merchantName = merchantName
        self.lines = lines
        self.amount = amount
        self.action = action
        self.csrfToken = csrfToken
    }
}
