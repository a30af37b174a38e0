/// The built-in sandbox gateway's checkout page: pay or fail one pending order, no real money.
public struct SandboxCheckoutView: Sendable, Hashable {
    public let orderNumber: String
    public let merchantName: String
    /// `Rp 15.000`
    public let amount: String
    public let description: String
    /// `/sandbox/checkout/EV…`
    public let action: String
    public let csrfToken: String

    public init(orderNumber: String, merchantName: String, amount: String, description: String, action: String, csrfToken: String) {
        self.orderNumber = orderNumber
        self.merchantName = merchantName
        self.amount = amount
        self.description = description
        self.action = action
        self.csrfToken = csrfToken
    }
}
