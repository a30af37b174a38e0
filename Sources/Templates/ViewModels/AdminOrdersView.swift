/// `GET /admin/orders`: one page of the tenant's orders, newest first, with the search that chose them.
public struct AdminOrdersView: Sendable, Hashable {
    /// One order, already formatted.
    public struct Row: Sendable, Hashable {
        public let number: String
        public let detailURL: String
        public let createdAt: String
        public let buyerPhone: String
        public let package: String
        public let amount: String
        public let status: AdminSalesBadge

        public init(
            number: String, detailURL: String, createdAt: String, buyerPhone: String, package: String, amount: String,
            status: AdminSalesBadge
        ) {
            self.number = number
            self.detailURL = detailURL
            self.createdAt = createdAt
            self.buyerPhone = buyerPhone
            self.package = package
            self.amount = amount
            self.status = status
        }
    }

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
