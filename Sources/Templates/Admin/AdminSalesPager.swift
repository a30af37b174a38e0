/// Where a paged admin list stands and the links to its neighbours, already carrying the list's
/// search and filter, so paging never loses them.
public struct AdminSalesPager: Sendable, Hashable {
    public let page: Int
    public let lastPage: Int
    public let totalCount: Int
    public let previousURL: String?
    public let nextURL: String?

    public init(page: Int, lastPage: Int, totalCount: Int, previousURL: String?, nextURL: String?) {
        self.page = page
        self.lastPage = lastPage
        self.totalCount = totalCount
        self.previousURL = previousURL
        self.nextURL = nextURL
    }
}

/// "Page 2 of 5 · 112 orders" with previous and next links.
struct AdminSalesPagerNavigation: HTMLComponent {
    let pager: AdminSalesPager
    let count: String
    let strings: AdminSalesStrings

    var body: HTMLFragment {
        Element.nav(.class("pager"), .ariaLabel(strings.pageOf(pager.page, pager.lastPage))) {
            if let previousURL = pager.previousURL {
                Element.a(.href(SafeURL(previousURL)), .rel("prev")) { strings.previousPage }
            }
            Element.span { strings.pageOf(pager.page, pager.lastPage) + " · " + count }
            if let nextURL = pager.nextURL {
                Element.a(.href(SafeURL(nextURL)), .rel("next")) { strings.nextPage }
            }
        }
    }
}
