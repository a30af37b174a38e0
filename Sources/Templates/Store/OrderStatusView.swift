/// What the buyer sees at `GET /orders/{number}?t=…`.
public struct OrderStatusView: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// Waiting for the gateway; `checkoutURL` continues the payment when there is one.
        case pending(checkoutURL: String?)
        case paid(codes: [String], hotspotLoginURL: String?)
        /// Expired, failed or cancelled; `payAgain` is a new order form when the package is still on sale.
        case closed(Outcome, payAgain: OrderFormView?)
    }

    public enum Outcome: Sendable, Hashable {
        case expired, failed, cancelled
    }

    public typealias Line = SummaryLine

    public let number: String
    public let packageName: String
    /// Number, package, quantity, total and times, already formatted.
    public let summary: [Line]
    public let state: State
    /// This very page (`/orders/EV…?t=…`), reloaded while there is something to wait for.
    public let refreshURL: String
    /// What each paid code has left (`In use since … · 3 hours left`), by code; from the routers' accounting.
    public var codeStates: [String: String] = [:]

    public init(number: String, packageName: String, summary: [Line], state: State, refreshURL: String) {
        self.number = number
        self.packageName = packageName
        self.summary = summary
        self.state = state
        self.refreshURL = refreshURL
    }

    /// Waiting for the payment, or paid with the codes not visible yet: worth a reload without script.
    public var refreshes: Bool {
        switch state {
        case .pending: true
        case .paid(let codes, _): codes.isEmpty
        case .closed: false
        }
    }
}
