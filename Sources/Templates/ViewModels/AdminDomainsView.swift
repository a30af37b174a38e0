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

    public init(domains: [Domain], state: FormState = FormState(), csrfToken: String) {
        self.domains = domains
        self.state = state
        self.csrfToken = csrfToken
    }
}
