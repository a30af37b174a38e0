/// The order form of one voucher package, empty or as the buyer left it after a failed submit.
public struct OrderFormView: Sendable, Hashable {
    /// Field names, shared by the page and the handler that reads the form.
    public enum Field {
        public static let profile = "profile_id"
        public static let phone = "phone"
        public static let name = "name"
        public static let email = "email"
        public static let quantity = "quantity"
        public static let terms = "terms"
        public static let csrf = "_csrf"
        public static let idempotencyKey = "idempotency_key"
    }

    public let profileID: String
    public let csrfToken: String
    /// Random per rendering: a second submit of the same page names the same order.
    public let idempotencyKey: String
    public let maximumQuantity: Int
    public let state: FormState

    public init(profileID: String, csrfToken: String, idempotencyKey: String, maximumQuantity: Int, state: FormState = FormState()) {
        self.profileID = profileID
        self.csrfToken = csrfToken
        self.idempotencyKey = idempotencyKey
        self.maximumQuantity = maximumQuantity
        self.state = state
    }
}
