/// The friendly page shown when the payment gateway failed or is not configured: the order is kept and
/// the buyer can post the very same form again (same idempotency key, so the same order).
public struct OrderRetryView: Sendable, Hashable {
    public let orderNumber: String
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

    public init(orderNumber: String, fields: [HiddenField]) {
        self.orderNumber = orderNumber
        self.fields = fields
    }
}
