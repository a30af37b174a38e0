/// `GET /portal/invoices`: every invoice, unpaid first.
public struct PortalInvoicesPage: HTMLComponent {
    let chrome: SiteChrome
    let frame: PortalFrame
    let invoices: [PortalInvoiceSummary]

    public init(chrome: SiteChrome, frame: PortalFrame, invoices: [PortalInvoiceSummary]) {
        self.chrome = chrome
        self.frame = frame
        self.invoices = invoices
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return PortalLayout(chrome: chrome, frame: frame, title: strings.invoicesHeading) {
            Element.section(.class("panel")) {
                Element.h1 { strings.invoicesHeading }
                if invoices.isEmpty {
                    Element.p(.class("muted")) { strings.noInvoices }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { strings.labelInvoiceNumber }
                                    Element.th(.scope(.col)) { strings.labelPeriod }
                                    Element.th(.scope(.col)) { strings.labelAmount }
                                    Element.th(.scope(.col)) { strings.labelDueDate }
                                    Element.th(.scope(.col)) { strings.labelStatus }
                                }
                            }
                            Element.tbody {
                                for invoice in invoices {
                                    Element.tr {
                                        Element.td(.data("label", strings.labelInvoiceNumber)) {
                                            if let detailURL = invoice.detailURL {
                                                Element.a(.href(SafeURL(detailURL))) { invoice.number }
                                            } else {
                                                invoice.number
                                            }
                                        }
                                        Element.td(.data("label", strings.labelPeriod)) { invoice.period }
                                        Element.td(.data("label", strings.labelAmount)) { invoice.amount }
                                        Element.td(.data("label", strings.labelDueDate)) { invoice.dueDate }
                                        Element.td(.data("label", strings.labelStatus)) {
                                            PortalInvoiceBadge(state: invoice.state, strings: strings)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }.body
    }
}
