/// `GET /portal/payments`: the subscriber's payment history.
public struct PortalPaymentsPage: HTMLComponent {
    let chrome: SiteChrome
    let view: PortalPaymentsView

    public init(chrome: SiteChrome, view: PortalPaymentsView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return PortalLayout(chrome: chrome, frame: view.frame, title: strings.paymentsHeading) {
            Element.section(.class("panel")) {
                Element.h1 { strings.paymentsHeading }
                if view.rows.isEmpty {
                    Element.p(.class("muted")) { strings.noPayments }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { strings.labelPaymentDate }
                                    Element.th(.scope(.col)) { strings.labelInvoiceNumber }
                                    Element.th(.scope(.col)) { strings.labelPeriod }
                                    Element.th(.scope(.col)) { strings.labelAmount }
                                    Element.th(.scope(.col)) { strings.labelPaymentMethod }
                                }
                            }
                            Element.tbody {
                                for row in view.rows {
                                    Element.tr {
                                        Element.td(.data("label", strings.labelPaymentDate)) { row.date }
                                        Element.td(.data("label", strings.labelInvoiceNumber)) {
                                            if let receiptURL = row.receiptURL {
                                                Element.a(.href(SafeURL(receiptURL))) { row.invoiceNumber }
                                            } else {
                                                row.invoiceNumber
                                            }
                                        }
                                        Element.td(.data("label", strings.labelPeriod)) { row.period }
                                        Element.td(.data("label", strings.labelAmount)) { row.amount }
                                        Element.td(.data("label", strings.labelPaymentMethod)) { row.method }
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
