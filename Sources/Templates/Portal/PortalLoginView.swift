/// `GET/POST /portal/login`: the form with what was typed (never the password) and its errors.
public struct PortalLoginView: Sendable, Hashable {
    public enum Field {
        public static let login = "login"
        public static let password = "password"
        public static let csrf = "_csrf"
    }

    public let state: FormState
    public let csrfToken: String
    /// The one generic failure ("wrong customer number or password"), shown above the form.
    public let failure: String?

    public init(state: FormState = FormState(), csrfToken: String, failure: String? = nil) {
        self.state = state
        self.csrfToken = csrfToken
        self.failure = failure
    }
}
