/// One page of an admin list (orders, invoices), newest first, with the search that chose it.
public struct AdminListView<Row: Sendable & Hashable>: Sendable, Hashable {
    public let rows: [Row]
    public let search: AdminSalesSearch
    public let pager: AdminSalesPager
    public let csrfToken: String

    public init(rows: [Row], search: AdminSalesSearch, pager: AdminSalesPager, csrfToken: String) {
        self.rows = rows
        self.search = search
        self.pager = pager
        self.csrfToken = csrfToken
    }
}
