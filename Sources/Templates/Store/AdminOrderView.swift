/// `GET /admin/orders/{orderNumber}`: one order as support needs it: who bought what, how the payment
/// went, the codes it issued, every webhook delivery that named it and the messages sent to the buyer.
public struct AdminOrderView: Sendable, Hashable {
    /// The form that sends the codes again, to the buyer's number or a corrected one.
    public enum Field {
        public static let phone = "phone"
        public static let csrf = "_csrf"
    }

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

    /// One message to the buyer from the outbox, already formatted.
    public struct Message: Sendable, Hashable {
        public let queuedAt: String
        public let recipient: String
        public let status: AdminSalesBadge
        public let attempts: String
        /// When it went, or why the last attempt failed and when the next is due.
        public let detail: String

        public init(queuedAt: String, recipient: String, status: AdminSalesBadge, attempts: String, detail: String) {
            self.queuedAt = queuedAt
            self.recipient = recipient
            self.status = status
            self.attempts = attempts
            self.detail = detail
        }
    }

    public let number: String
    public let status: AdminSalesBadge
    public let buyer: [SummaryLine]
    public let package: [SummaryLine]
    public let payment: [SummaryLine]
    public let voucherCodes: [String]
    /// What each code has left (`In use since … · 3 hours left`, `Expired`), by code.
    public var voucherStates: [String: String] = [:]
    public let webhookEvents: [WebhookEvent]
    public let messages: [Message]
    /// The send-again form: shown once the order has codes to send (a message exists).
    public let resendState: FormState
    /// The page after a send-again: says the message is queued.
    public let resent: Bool
    public let csrfToken: String

    public init(
        number: String, status: AdminSalesBadge, buyer: [SummaryLine], package: [SummaryLine], payment: [SummaryLine],
        voucherCodes: [String], webhookEvents: [WebhookEvent], messages: [Message], resendState: FormState,
        resent: Bool = false, csrfToken: String
    ) {
        self.number = number
        self.status = status
        self.buyer = buyer
        self.package = package
        self.payment = payment
        self.voucherCodes = voucherCodes
        self.webhookEvents = webhookEvents
        self.messages = messages
        self.resendState = resendState
        self.resent = resent
        self.csrfToken = csrfToken
    }
}
