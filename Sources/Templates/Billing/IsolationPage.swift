/// `GET /isolated`: in the tenant's branding, the isolated subscriber's open invoices with a pay
/// button each; for a connection it does not recognise, the way to the customer portal.
public struct IsolationPage: HTMLComponent {
    let chrome: SiteChrome
    let view: IsolationView

    public init(chrome: SiteChrome, view: IsolationView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let words = chrome.language.settlementStrings
        switch view.content {
        case .subscriber(let name, let invoices, let csrfToken):
            return SiteLayout(chrome: chrome, title: words.isolatedTitle) {
                Element.section(.class("panel"), .ariaLabelledBy("isolated-heading")) {
                    Element.h1(.id("isolated-heading")) { words.isolatedTitle }
                    Element.p(.class("form-alert isolated"), .role("alert")) { words.isolatedIntro(name) }
                    if invoices.isEmpty {
                        Element.p { words.isolatedNothingOpen }
                    }
                    for invoice in invoices {
                        Element.article(.class("invoice")) {
                            PortalInvoiceDetails(invoice: invoice, strings: strings, csrfToken: csrfToken)
                        }
                    }
                }
            }.body
        case .unknown(let portalLoginURL):
            return SiteLayout(chrome: chrome, title: words.unknownConnectionTitle) {
                Element.section(.class("panel"), .ariaLabelledBy("isolated-heading")) {
                    Element.h1(.id("isolated-heading")) { words.unknownConnectionTitle }
                    Element.p { words.unknownConnectionText }
                    Element.p { Element.a(.class("button"), .href(SafeURL(portalLoginURL))) { words.logInToPortal } }
                }
            }.body
        }
    }
}
