/// The friendly page shown when the payment gateway failed or is not configured: the order or invoice
/// is kept as it was, and one button posts the very same form again (for an order the same
/// idempotency key, so the same order).
public struct PaymentRetryView: Sendable, Hashable {
    /// What is kept: "Your order EV… is kept…" or "Your invoice … is unchanged…".
    public let message: String
    /// Where the retry button posts: `/orders`, `/portal/invoices/{number}/pay` or `/pay/{token}`.
    public let action: String
    /// Every field of the original submit, re-posted by the retry button as hidden inputs.
    public let fields: [HiddenField]

    public struct HiddenField: Sendable, Hashable {
        public let name: String
        public let value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(message: String, action: String, fields: [HiddenField]) {
        self.message = message
        self.action = action
        self.fields = fields
    }
}
