/// One voucher package and its order form (`GET /vouchers/{id}`).
public struct VoucherView: Sendable, Hashable {
    public let name: String
    public let description: String
    /// `Rp 5.000`
    public let price: String
    /// Validity, quota, speed, devices: already in words.
    public let details: [String]
    public let form: OrderFormView

    public init(name: String, description: String, price: String, details: [String], form: OrderFormView) {
        self.name = name
        self.description = description
        self.price = price
        self.details = details
        self.form = form
    }
}
