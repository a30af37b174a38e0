/// `GET/POST /admin/domains`: the tenant's custom domains and the form to add one.
public struct AdminDomainsView: Sendable, Hashable {
    public enum Field {
        public static let domain = "domain"
        public static let csrf = "_csrf"
    }

    public struct Domain: Sendable, Hashable {
        public let name: String
        public let isApproved: Bool
        public let isPrimary: Bool

        public init(name: String, isApproved: Bool, isPrimary: Bool) {
            self.name = name
            self.isApproved = isApproved
            self.isPrimary = isPrimary
        }
    }

    public let domains: [Domain]
    public let state: FormState
    public let csrfToken: String
    /// True right after a change succeeded (the redirect's `?saved=1`).
    public let saved: Bool

    public init(domains: [Domain], state: FormState = FormState(), csrfToken: String, saved: Bool = false) {
        self.domains = domains
        self.state = state
        self.csrfToken = csrfToken
        self.saved = saved
    }
}
