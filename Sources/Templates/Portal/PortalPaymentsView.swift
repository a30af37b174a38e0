/// `GET /portal/payments`: the subscriber's payments, newest first.
public struct PortalPaymentsView: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public let date: String
        public let invoiceNumber: String
        public let period: String
        public let amount: String
        public let method: String
        public let receiptURL: String?

        public init(date: String, invoiceNumber: String, period: String, amount: String, method: String, receiptURL: String?) {
            self.date = date
            self.invoiceNumber = invoiceNumber
            self.period = period
            self.amount = amount
            self.method = method
            self.receiptURL = receiptURL
        }
    }

    public let frame: PortalFrame
    public let rows: [Row]

    public init(frame: PortalFrame, rows: [Row]) {
        self.frame = frame
        self.rows = rows
    }
}
