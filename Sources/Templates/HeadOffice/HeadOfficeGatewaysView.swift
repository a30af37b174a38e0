/// `GET/POST /head-office/gateways`: one form per provider for the platform's central accounts. Keys come
/// here only masked (`••••cdef`); the real values never reach a page.
public struct HeadOfficeGatewaysView: Sendable, Hashable {
    public enum Field {
        public static let isSandbox = "is_sandbox"
        public static let isActive = "is_active"
        public static let csrf = "_csrf"
        /// The form's field for one settings key, so no key can shadow the fields above.
        public static func key(_ name: String) -> String { "key_" + name }
    }

    public struct Key: Sendable, Hashable {
        public let name: String
        /// The stored value masked, or nil when none is stored.
        public let masked: String?

        public init(name: String, masked: String?) {
            self.name = name
            self.masked = masked
        }
    }

    public struct Gateway: Sendable, Hashable {
        public let provider: String
        public let keys: [Key]
        public let isStored: Bool
        public let isSandbox: Bool
        public let isActive: Bool
        /// The submitted form again after a refusal (never holding a key), else the stored state.
        public let state: FormState

        public init(provider: String, keys: [Key], isStored: Bool, isSandbox: Bool, isActive: Bool, state: FormState) {
            self.provider = provider
            self.keys = keys
            self.isStored = isStored
            self.isSandbox = isSandbox
            self.isActive = isActive
            self.state = state
        }
    }

    public let gateways: [Gateway]
    public let csrfToken: String
    /// True right after a save succeeded (the redirect's `?saved=1`).
    public let saved: Bool

    public init(gateways: [Gateway], csrfToken: String, saved: Bool = false) {
        self.gateways = gateways
        self.csrfToken = csrfToken
        self.saved = saved
    }
}
