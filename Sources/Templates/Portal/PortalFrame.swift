/// What every signed-in portal page shares: where the visitor is, and the session's CSRF token for
/// the sign-out button.
public struct PortalFrame: Sendable, Hashable {
    public enum Section: Sendable, Hashable {
        case overview, invoices, payments, password
    }

    public let section: Section
    public let csrfToken: String

    public init(section: Section, csrfToken: String) {
        self.section = section
        self.csrfToken = csrfToken
    }
}
