/// `GET /head-office/domains`: the custom domains of every tenant that wait for head office's approval.
public struct HeadOfficeDomainsView: Sendable, Hashable {
    public enum Field {
        public static let domain = "domain"
        public static let csrf = "_csrf"
    }

    public struct Pending: Sendable, Hashable {
        public let domain: String
        public let tenantName: String
        public let tenantSlug: String
        /// Already formatted for the reader (`23 November 2026 19:05 WIB`).
        public let requested: String

        public init(domain: String, tenantName: String, tenantSlug: String, requested: String) {
            self.domain = domain
            self.tenantName = tenantName
            self.tenantSlug = tenantSlug
            self.requested = requested
        }
    }

    public let pending: [Pending]
    public let csrfToken: String
    /// True right after a decision succeeded (the redirect's `?saved=1`).
    public let saved: Bool

    public init(pending: [Pending], csrfToken: String, saved: Bool = false) {
        self.pending = pending
        self.csrfToken = csrfToken
        self.saved = saved
    }
}
