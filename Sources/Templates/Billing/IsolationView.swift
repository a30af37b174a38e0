/// `GET /isolated`: the page an isolated subscriber's web traffic is sent to by its router.
public struct IsolationView: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// The subscriber its connection belongs to, and its open invoices with a pay button.
        case subscriber(name: String, invoices: [PortalInvoiceSummary], csrfToken: String)
        /// No isolated subscriber has this address: the portal is the way in.
        case unknown(portalLoginURL: String)
    }

    public let content: Content

    public init(content: Content) {
        self.content = content
    }
}
