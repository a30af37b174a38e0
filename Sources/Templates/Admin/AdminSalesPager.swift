/// Where a paged admin list stands and the links to its neighbours, already carrying the list's
/// search and filter, so paging never loses them.
public struct AdminSalesPager: Sendable, Hashable {
    public let page: Int
    public let lastPage: Int
    public let totalCount: Int
    public let previousURL: String?
    public let nextURL: String?
    /// The list was counted only this far: it has more than `totalCount` rows and at least `lastPage` pages.
    public let totalCountIsLowerBound: Bool

    public init(
        page: Int, lastPage: Int, totalCount: Int, previousURL: String?, nextURL: String?,
        totalCountIsLowerBound: Bool = false
    ) {
        self.page = page
        self.lastPage = lastPage
        self.totalCount = totalCount
        self.previousURL = previousURL
        self.nextURL = nextURL
        self.totalCountIsLowerBound = totalCountIsLowerBound
    }
}

/// "Page 2 of 5 · 112 orders" (or "Page 2 of 401 or more · more than 10000 orders") with previous and
/// next links.
struct AdminSalesPagerNavigation: HTMLComponent {
    let pager: AdminSalesPager
    /// The list's `totalCount` in words ("112 orders").
    let count: String
    let strings: AdminSalesStrings

    private var pageOf: String {
        pager.totalCountIsLowerBound
            ? strings.pageOfAtLeast(pager.page, pager.lastPage) : strings.pageOf(pager.page, pager.lastPage)
    }

    private var shownCount: String { pager.totalCountIsLowerBound ? strings.moreThan(count) : count }

    var body: HTMLFragment {
        Element.nav(.class("pager"), .ariaLabel(pageOf)) {
            if let previousURL = pager.previousURL {
                Element.a(.href(SafeURL(previousURL)), .rel("prev")) { strings.previousPage }
            }
            Element.span { pageOf + " · " + shownCount }
            if let nextURL = pager.nextURL {
                Element.a(.href(SafeURL(nextURL)), .rel("next")) { strings.nextPage }
            }
        }
    }
}
