/// A short message about an order that needs no other page: "payment sent", "already paid".
public struct OrderNoticeView: Sendable, Hashable {
    public let title: String
    public let message: String
    public let orderNumber: String?

    public init(title: String, message: String, orderNumber: String?) {
        self.title = title
        self.message = message
        self.orderNumber = orderNumber
    }
}
