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

    public init(
        frame: PortalFrame, name: String, customerNumber: String, pppoeUsername: String, planName: String,
        monthlyPrice: String, status: Status, nextInvoice: PortalInvoiceSummary?
    ) {
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
