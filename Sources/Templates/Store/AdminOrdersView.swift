/// `GET /admin/orders`: one page of the tenant's orders.
public typealias AdminOrdersView = AdminListView<AdminOrderRow>

/// One order, already formatted.
public struct AdminOrderRow: Sendable, Hashable {
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
