/// `GET /admin/orders`: search, status filter, one page of orders and the links to the next pages.
public struct AdminOrdersPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminOrdersView

    public init(chrome: SiteChrome, view: AdminOrdersView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let sales = chrome.language.adminSalesStrings
        return SiteLayout(chrome: chrome, title: sales.ordersTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.orders)
            Element.section(.class("panel"), .ariaLabelledBy("orders-heading")) {
                Element.h1(.id("orders-heading")) { sales.ordersTitle }
                AdminSalesSearchForm(search: view.search, hint: sales.searchOrdersHint, strings: sales)
                AdminSalesTable(
                    headers: [
                        strings.labelOrderNumber, sales.labelCreated, sales.labelBuyer, strings.labelPackage,
                        strings.labelTotal, strings.labelStatus,
                    ],
                    rows: view.rows.map { row in
                        [
                            HTMLFragment { Element.a(.href(SafeURL(row.detailURL))) { row.number } },
                            HTMLFragment { row.createdAt }, HTMLFragment { row.buyerPhone },
                            HTMLFragment { row.package }, HTMLFragment { row.amount }, HTMLFragment { row.status },
                        ]
                    }, emptyText: sales.noOrders)
                AdminSalesPagerNavigation(
                    pager: view.pager, count: sales.orderCount(view.pager.totalCount), strings: sales)
            }
        }.body
    }
}
