/// `GET /admin/invoices`: one page of the tenant's invoices.
public typealias AdminInvoicesView = AdminListView<AdminInvoiceRow>

/// One invoice, already formatted.
public struct AdminInvoiceRow: Sendable, Hashable {
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
