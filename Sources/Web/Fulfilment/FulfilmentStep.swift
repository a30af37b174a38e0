import Postgres

/// How a subject stands when a verified event arrives, read under its row lock.
enum FulfilmentState: Sendable, Hashable {
    case awaitingPayment
    case paid
    /// Closed without payment (an expired, failed or cancelled order): a late payment is still honoured,
    /// because the money was taken.
    case closed(String)
    /// Never to be paid (a void invoice): money for it is left to an administrator.
    case void

    var name: String {
        switch self {
        case .awaitingPayment: "awaiting payment"
        case .paid: "paid"
        case .closed(let status): status
        case .void: "void"
        }
    }
}

/// What `FulfilmentStep.payUnlessPaid` did.
enum QuickPayment: Sendable {
    /// Paid before: nothing was written.
    case alreadyPaid
    /// Paid now, with the step's work done; the sessions to end once the transaction commits.
    case paid(SessionsToEnd)
}

/// What paying means for one kind of subject: the part of fulfilment that differs between an order
/// (vouchers, RADIUS users, a message) and an invoice (paid, the subscriber back online).
/// `PaymentFulfilment` runs a step inside its one transaction and decides which method to call.
protocol FulfilmentStep: Sendable {
    associatedtype Subject: Payable

    /// The subject as the webhook found it (before the lock).
    var subject: Subject { get }

    /// Locks the subject's row for the rest of `db`'s transaction and returns how it stands now:
    /// concurrent deliveries for one subject queue here, and each sees what the previous one committed.
    func lockedState(on db: PostgresConnection) throws -> FulfilmentState

    /// Moves the subject to paid and does what paying it means. Called at most once per subject.
    /// - Returns: the live sessions to end once the transaction commits (a subscriber back in its plan).
    func fulfil(_ event: PaymentEvent, on db: PostgresConnection) throws -> SessionsToEnd

    /// For a kind whose every state but paid is paid by a payment (an order: a late payment for a closed
    /// one is honoured): moves it to paid unless it is paid already, without a lock of its own (the
    /// update's row lock serialises concurrent deliveries, and the one that waited finds it paid), and
    /// does what paying means. nil: the kind has no such path, `lockedState` and `fulfil` decide.
    func payUnlessPaid(_ event: PaymentEvent, on db: PostgresConnection) throws -> QuickPayment?

    /// A failure, expiry or cancellation of the subject's checkout, while it still awaits payment.
    func close(as status: PaymentEvent.Status, event: PaymentEvent, on db: PostgresConnection) throws
}

extension FulfilmentStep {
    func payUnlessPaid(_ event: PaymentEvent, on db: PostgresConnection) throws -> QuickPayment? { nil }
}
