/// `GET /admin/invoices/{number}`: one invoice, its customer and its payments.
public struct AdminInvoicePage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminInvoiceView

    public init(chrome: SiteChrome, view: AdminInvoiceView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let sales = chrome.language.adminSalesStrings
        return SiteLayout(chrome: chrome, title: sales.invoiceTitle(view.number)) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.invoices)
            Element.section(.class("panel admin-detail"), .ariaLabelledBy("invoice-heading")) {
                Element.p { Element.a(.href(SafeURL(Paths.Admin.invoices))) { sales.backToInvoices } }
                Element.h1(.id("invoice-heading")) { sales.invoiceTitle(view.number) }
                Element.p { view.status }
                AdminSalesSummary(lines: view.invoice)
                Element.h2 { sales.customerHeading }
                AdminSalesSummary(lines: view.customer)
                Element.h2 { sales.paymentsHeading }
                AdminSalesTable(
                    headers: [
                        strings.labelPaymentDate, strings.labelPaymentMethod, sales.labelReference, strings.labelAmount,
                        strings.labelStatus,
                    ],
                    rows: view.payments.map { payment in
                        [
                            HTMLFragment { payment.date }, HTMLFragment { payment.method },
                            HTMLFragment { payment.reference }, HTMLFragment { payment.amount },
                            HTMLFragment { payment.status },
                        ]
                    }, emptyText: sales.noPayments)
                if let settlement = view.settlement {
                    InvoiceSettlementSection(view: settlement, language: chrome.language)
                }
                if let payLink = view.payLink { AdminInvoicePayLinkSection(view: payLink, language: chrome.language) }
            }
        }.body
    }
}
