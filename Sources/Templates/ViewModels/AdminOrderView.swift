/// `GET /admin/orders/{orderNumber}`: one order as support needs it: who bought what, how the payment
/// went, the codes it issued and every webhook delivery that named it.
public struct AdminOrderView: Sendable, Hashable {
    /// One stored webhook delivery, already formatted.
    public struct WebhookEvent: Sendable, Hashable {
        public let receivedAt: String
        public let provider: String
        public let outcome: AdminSalesBadge
        /// Why it was rejected or ignored; empty when there is nothing to say.
        public let detail: String

        public init(receivedAt: String, provider: String, outcome: AdminSalesBadge, detail: String) {
            self.receivedAt = receivedAt
            self.provider = provider
            self.outcome = outcome
            self.detail = detail
        }
    }

    public let number: String
    public let status: AdminSalesBadge
    public let buyer: [SummaryLine]
    public let package: [SummaryLine]
    public let payment: [SummaryLine]
    public let voucherCodes: [String]
    public let webhookEvents: [WebhookEvent]
    public let csrfToken: String

    public init(
        number: String, status: AdminSalesBadge, buyer: [SummaryLine], package: [SummaryLine], payment: [SummaryLine],
        voucherCodes: [String], webhookEvents: [WebhookEvent], csrfToken: String
    ) {
        self.number = number
        self.status = status
        self.buyer = buyer
        self.package = package
        self.payment = payment
        self.voucherCodes = voucherCodes
        self.webhookEvents = webhookEvents
        self.csrfToken = csrfToken
    }
}
