/// `GET /admin/invoices`: one page of the tenant's invoices, newest first, with the search that chose them.
public struct AdminInvoicesView: Sendable, Hashable {
    /// One invoice, already formatted.
    public struct Row: Sendable, Hashable {
        public let number: String
        public let detailURL: String
        public let customer: String
        public let period: String
        public let amount: String
        public let dueDate: String
        public let status: AdminSalesBadge

        public init(
            number: String, detailURL: String, customer: String, period: String, amount: String, dueDate: String,
            status: AdminSalesBadge
        ) {
            self.number = number
            self.detailURL = detailURL
            self.customer = customer
            self.period = period
            self.amount = amount
            self.dueDate = dueDate
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
