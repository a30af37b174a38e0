/// `GET /pay/{token}`: an invoice opened from the link sent over WhatsApp, in the tenant's branding,
/// with a pay button; once paid, its receipt.
public struct PortalPayLinkPage: HTMLComponent {
    let chrome: SiteChrome
    let view: PortalPayLinkView

    public init(chrome: SiteChrome, view: PortalPayLinkView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: strings.payLinkHeading) {
            switch view.content {
            case .payable(let invoice, let csrfToken):
                Element.section(.class("panel")) {
                    Element.h1 { strings.payLinkHeading }
                    Element.p { strings.payLinkIntro(view.customerName) }
                    PortalInvoiceDetails(invoice: invoice, strings: strings, csrfToken: csrfToken)
                }
            case .receipt(let receipt):
                PortalReceipt(receipt: receipt, strings: strings)
            }
        }.body
    }
}
