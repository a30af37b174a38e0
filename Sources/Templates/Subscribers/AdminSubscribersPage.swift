/// `GET /admin/subscribers`: search, status filter, one page of subscribers and the pager.
public struct AdminSubscribersPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminSubscribersView

    public init(chrome: SiteChrome, view: AdminSubscribersView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let sales = chrome.language.adminSalesStrings
        let words = chrome.language.adminSubscriberStrings
        return SiteLayout(chrome: chrome, title: words.subscribersTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.subscribers)
            Element.section(.class("panel"), .ariaLabelledBy("subscribers-heading")) {
                Element.h1(.id("subscribers-heading")) { words.subscribersTitle }
                Element.p {
                    Element.a(.class("button"), .href(SafeURL(Paths.Admin.newSubscriber))) { words.newSubscriber }
                    " "
                    // Import and export have their own page; an ISP moving in starts there.
                    Element.a(.class("button secondary"), .href(SafeURL(Paths.Admin.subscriberImport))) {
                        chrome.language.subscriberImportStrings.title
                    }
                }
                AdminSalesSearchForm(search: view.search, hint: words.searchSubscribersHint, strings: sales)
                AdminSalesTable(
                    headers: [
                        words.fieldName, words.fieldCustomerNumber, words.fieldPPPoEUsername, words.fieldPhone,
                        words.columnPlan, words.columnStatus,
                    ],
                    rows: view.rows.map { row in
                        [
                            HTMLFragment { Element.a(.href(SafeURL(row.detailURL))) { row.name } },
                            HTMLFragment { row.customerNumber }, HTMLFragment { Element.code { row.pppoeUsername } },
                            HTMLFragment { row.phone }, HTMLFragment { row.plan }, HTMLFragment { row.status },
                        ]
                    }, emptyText: words.noSubscribers)
                AdminSalesPagerNavigation(
                    pager: view.pager, count: words.subscriberCount(view.pager.totalCount), strings: sales)
            }
        }.body
    }
}
