/// `GET /admin/invoices`: search, status filter, one page of invoices and the links to the next pages.
public struct AdminInvoicesPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminInvoicesView

    public init(chrome: SiteChrome, view: AdminInvoicesView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let sales = chrome.language.adminSalesStrings
        return SiteLayout(chrome: chrome, title: sales.invoicesTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.invoices)
            Element.section(.class("panel"), .ariaLabelledBy("invoices-heading")) {
                Element.h1(.id("invoices-heading")) { sales.invoicesTitle }
                AdminSalesSearchForm(search: view.search, hint: sales.searchInvoicesHint, strings: sales)
                AdminSalesTable(
                    headers: [
                        strings.labelInvoiceNumber, sales.customerHeading, strings.labelPeriod, strings.labelAmount,
                        strings.labelDueDate, strings.labelStatus,
                    ],
                    rows: view.rows.map { row in
                        [
                            HTMLFragment { Element.a(.href(SafeURL(row.detailURL))) { row.number } },
                            HTMLFragment { row.customer }, HTMLFragment { row.period }, HTMLFragment { row.amount },
                            HTMLFragment { row.dueDate }, HTMLFragment { row.status },
                        ]
                    }, emptyText: sales.noInvoices)
                AdminSalesPagerNavigation(
                    pager: view.pager, count: sales.invoiceCount(view.pager.totalCount), strings: sales)
            }
        }.body
    }
}
