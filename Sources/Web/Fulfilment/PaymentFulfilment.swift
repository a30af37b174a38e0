import Foundation
import Postgres

/// Applies one verified payment event to its order or invoice, in one transaction with the subject's
/// row locked: to paid exactly once, with the step's own work and one `payments` row; failures and
/// expiries only ever touch a subject still awaiting payment. Something paid is never downgraded.
/// The event's outcome (and the delivery itself, when it is not stored yet) is written in the same
/// transaction as the change it describes.
///
/// Sessions the step wants ended (a subscriber back in its plan's group) are disconnected after the
/// commit, with no connection held while the router answers.
struct PaymentFulfilment: Sendable {
    let database: PostgresPool
    let events: WebhookEventLog
    var disconnector = RadiusDisconnector()

    func apply(
        _ event: PaymentEvent, with step: some FulfilmentStep, provider: PaymentProvider, record: WebhookEventLog.Record
    ) throws -> WebhookOutcome {
        let subject = step.subject
        do {
            // Across tenants, like the webhook that calls it: the event's row has no tenant yet, and RADIUS
            // group names are one namespace for every tenant, which provisioning must see whole.
            let (outcome, sessions) = try database.transaction(settings: database.unscoped.settings + Self.genericPlans) { db in
                let outcome: WebhookOutcome
                var sessions = SessionsToEnd.none
                var payment: WebhookEventLog.Payment?
                switch event.status {
                case .paid:
                    (outcome, sessions) = try pay(step, event: event, on: db)
                    if outcome.kind == .processed { payment = Self.payment(event, of: step, provider: provider) }
                case .pending:
                    outcome = .ignored("still pending at the gateway")
                case .refunded:
                    outcome = .ignored("refunds are handled by an administrator")
                case .expired, .failed, .cancelled:
                    let state = try step.lockedState(on: db)
                    if state == .awaitingPayment {
                        try step.close(as: event.status, event: event, on: db)
                        outcome = .processed
                    } else {
                        outcome = .ignored("\(type(of: subject).subject.rawValue) is already \(state.name)")
                    }
                }
                try events.write(record, outcome: outcome, payment: payment, on: db)
                return (outcome, sessions)
            }
            sessions.send(with: disconnector, database: database)
            return outcome
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == "payments_once" {
            // The row lock should make this impossible; the unique payment is the backstop.
            let outcome = WebhookOutcome.duplicate
            try events.write(record, outcome: outcome)
            return outcome
        }
    }

    /// Pays the subject unless it is paid already: in the step's own statement where it has one,
    /// otherwise under the row lock, deciding by its state.
    private func pay<Step: FulfilmentStep>(_ step: Step, event: PaymentEvent, on db: PostgresConnection) throws
        -> (WebhookOutcome, SessionsToEnd)
    {
        switch try step.payUnlessPaid(event, on: db) {
        case .alreadyPaid?: return (.duplicate, .none)
        case .paid(let sessions)?: return (.processed, sessions)
        case nil: break
        }
        let subject = step.subject
        switch try step.lockedState(on: db) {
        case .paid:
            return (.duplicate, .none)
        case .void:
            Log.error("payment for void \(Step.Subject.subject.rawValue) \(subject.paymentReference): refund it by hand")
            return (.ignored("\(Step.Subject.subject.rawValue) is void: an administrator must refund the payment"), .none)
        case .awaitingPayment, .closed:
            return (.processed, try step.fulfil(event, on: db))
        }
    }

    /// Generic plans for this transaction's statements: left to choose, PostgreSQL
    /// plans the voucher insert afresh on every call (a custom plan for its array of codes looks cheaper
    /// than the generic one, which assumes ten), which was 40 % of that statement's time. Every statement
    /// here finds its rows by key, so the generic plan is the custom one.
    private static let genericPlans = [(name: "plan_cache_mode", value: "force_generic_plan")]

    private static func payment<Step: FulfilmentStep>(_ event: PaymentEvent, of step: Step, provider: PaymentProvider)
        -> WebhookEventLog.Payment
    {
        let subject = step.subject
        return WebhookEventLog.Payment(
            tenantID: subject.tenantID, subject: Step.Subject.subject, subjectID: subject.id, provider: provider.rawValue,
            gatewayReference: event.gatewayReference ?? subject.gatewayReference, amount: event.amount ?? subject.amountDue,
            currency: event.currency?.uppercased() ?? subject.currency)
    }
}
