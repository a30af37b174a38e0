/// `GET /portal`: who is signed in, their plan and status, and the invoice to pay next.
public struct PortalDashboardView: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case active, isolated, suspended, terminated
    }

    public let frame: PortalFrame
    public let name: String
    public let customerNumber: String
    public let pppoeUsername: String
    public let planName: String
    public let monthlyPrice: String
    public let status: Status
    public let nextInvoice: PortalInvoiceSummary?
    /// `10 Mbps down / 5 Mbps up`; nil when the plan sends no rate limit.
    public let speed: String?
    /// This month's usage; nil when no session was recorded.
    public let usage: Usage?
    /// `December 2026`, the month the usage is for.
    public let usageMonth: String

    /// This month's sessions from the routers' accounting, already in words.
    public struct Usage: Sendable, Hashable {
        public let sessions: Int
        public let timeOnline: String
        public let download: String
        public let upload: String
        public let isOnline: Bool

        public init(sessions: Int, timeOnline: String, download: String, upload: String, isOnline: Bool) {
            (self.sessions, self.timeOnline, self.download, self.upload, self.isOnline) =
                (sessions, timeOnline, download, upload, isOnline)
        }
    }

    public init(
        frame: PortalFrame, name: String, customerNumber: String, pppoeUsername: String, planName: String,
        monthlyPrice: String, status: Status, nextInvoice: PortalInvoiceSummary?, speed: String? = nil,
        usage: Usage? = nil, usageMonth: String = ""
    ) {
        self.speed = speed
        self.usage = usage
        self.usageMonth = usageMonth
        self.frame = frame
        self.name = name
        self.customerNumber = customerNumber
        self.pppoeUsername = pppoeUsername
        self.planName = planName
        self.monthlyPrice = monthlyPrice
        self.status = status
        self.nextInvoice = nextInvoice
    }
}
