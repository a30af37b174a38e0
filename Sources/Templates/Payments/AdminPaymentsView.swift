/// `GET/POST /admin/payments`: which gateway takes the tenant's payments, the tenant's own accounts
/// (keys masked), and the form to switch to its own account and enter its keys.
///
/// Keys never travel back to the browser: the key fields always render empty, and their hints say
/// which key is stored by its last four characters only.
public struct AdminPaymentsView: Sendable, Hashable {
    public enum Field {
        public static let useOwnGateway = "use_own_gateway"
        public static let provider = "provider"
        public static let environment = "environment"
        public static let secretKey = "secret_key"
        public static let clientKey = "client_key"
        public static let webhookToken = "webhook_token"
        public static let csrf = "_csrf"

        /// The fields that hold keys: never given a value when the form is shown.
        public static let keys = [secretKey, clientKey, webhookToken]
    }

    /// One of the tenant's own accounts, already formatted.
    public struct Account: Sendable, Hashable {
        public let provider: String
        public let environment: String
        public let isActive: Bool
        /// `Server key: ••••abcd`
        public let keys: [SummaryLine]

        public init(provider: String, environment: String, isActive: Bool, keys: [SummaryLine]) {
            self.provider = provider
            self.environment = environment
            self.isActive = isActive
            self.keys = keys
        }
    }

    /// "The platform's gateway (Sandbox)" and its environment, already in words.
    public let inEffect: String
    public let inEffectEnvironment: String?
    public let accounts: [Account]
    public let providers: [SelectField.Option]
    /// The values as last submitted, without any key.
    public let state: FormState
    /// Field name → masked key stored for the provider the form shows.
    public let storedKeys: [String: String]
    public let saved: Bool
    public let csrfToken: String

    public init(
        inEffect: String, inEffectEnvironment: String?, accounts: [Account], providers: [SelectField.Option],
        state: FormState, storedKeys: [String: String], saved: Bool = false, csrfToken: String
    ) {
        self.inEffect = inEffect
        self.inEffectEnvironment = inEffectEnvironment
        self.accounts = accounts
        self.providers = providers
        var state = state
        for key in Field.keys { state.values[key] = nil }
        self.state = state
        self.storedKeys = storedKeys
        self.saved = saved
        self.csrfToken = csrfToken
    }
}
