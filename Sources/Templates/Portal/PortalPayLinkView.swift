/// `GET /pay/{token}`: an invoice opened from its link, without signing in. Unpaid: the invoice and a
/// pay button (whose form carries the anonymous CSRF token). Paid: its receipt.
public struct PortalPayLinkView: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case payable(PortalInvoiceSummary, csrfToken: String)
        case receipt(PortalReceiptView)
    }

    public let customerName: String
    public let content: Content

    public init(customerName: String, content: Content) {
        self.customerName = customerName
        self.content = content
    }
}
