/// `GET /portal/invoices/{number}`: one of the subscriber's own invoices.
public struct PortalInvoicePage: HTMLComponent {
    let chrome: SiteChrome
    let frame: PortalFrame
    let invoice: PortalInvoiceSummary

    public init(chrome: SiteChrome, frame: PortalFrame, invoice: PortalInvoiceSummary) {
        self.chrome = chrome
        self.frame = frame
        self.invoice = invoice
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return PortalLayout(chrome: chrome, frame: frame, title: strings.invoiceHeading(invoice.number)) {
            Element.section(.class("panel")) {
                Element.h1 { strings.invoiceHeading(invoice.number) }
                PortalInvoiceDetails(invoice: invoice, strings: strings, csrfToken: frame.csrfToken)
            }
        }.body
    }
}
