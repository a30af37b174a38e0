import Foundation
import Postgres

/// Applies one verified payment event to its order or invoice, in one transaction with the subject's
/// row locked: to paid exactly once, with the step's own work and one `payments` row; failures and
/// expiries only ever touch a subject still awaiting payment. Something paid is never downgraded.
/// The event's outcome is written on its row in the same transaction as the change it describes.
///
/// Sessions the step wants ended (a subscriber back in its plan's group) are disconnected after the
/// commit, with no connection held while the router answers.
struct PaymentFulfilment: Sendable {
    let database: PostgresPool
    let events: WebhookEventLog
    var disconnector = RadiusDisconnector()

    func apply(_ event: PaymentEvent, with step: some FulfilmentStep, provider: PaymentProvider, eventID: Int64)
        throws -> WebhookOutcome
    {
        let subject = step.subject
        do {
            // Across tenants, like the webhook that calls it: the event's row has no tenant yet, and RADIUS
            // group names are one namespace for every tenant, which provisioning must see whole.
            let (outcome, sessions) = try database.unscoped.transaction { db in
                let state = try step.lockedState(on: db)
                let outcome: WebhookOutcome
                var sessions = SessionsToEnd.none
                switch event.status {
                case .paid:
                    (outcome, sessions) = try pay(
                        step, state: state, event: event, provider: provider, eventID: eventID, on: db)
                case .pending:
                    outcome = .ignored("still pending at the gateway")
                case .refunded:
                    outcome = .ignored("refunds are handled by an administrator")
                case .expired, .failed, .cancelled:
                    if state == .awaitingPayment {
                        try step.close(as: event.status, event: event, on: db)
                        outcome = .processed
                    } else {
                        outcome = .ignored("\(type(of: subject).subject.rawValue) is already \(state.name)")
                    }
                }
                try events.finish(
                    eventID, outcome: outcome, tenantID: subject.tenantID, reference: subject.paymentReference, on: db)
                return (outcome, sessions)
            }
            sessions.send(with: disconnector, database: database)
            return outcome
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == "payments_once" {
            // The row lock should make this impossible; the unique payment is the backstop.
            let outcome = WebhookOutcome.duplicate
            try events.finish(eventID, outcome: outcome, tenantID: subject.tenantID, reference: subject.paymentReference)
            return outcome
        }
    }

    private func pay<Step: FulfilmentStep>(
        _ step: Step, state: FulfilmentState, event: PaymentEvent, provider: PaymentProvider, eventID: Int64,
        on db: PostgresConnection
    ) throws -> (WebhookOutcome, SessionsToEnd) {
        let subject = step.subject
        switch state {
        case .paid:
            return (.duplicate, .none)
        case .void:
            Log.error("payment for void \(Step.Subject.subject.rawValue) \(subject.paymentReference): refund it by hand")
            return (.ignored("\(Step.Subject.subject.rawValue) is void: an administrator must refund the payment"), .none)
        case .awaitingPayment, .closed:
            let sessions = try step.fulfil(event, on: db)
            try db.enqueue(
                """
                insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount,
                    currency, status, webhook_event_id)
                values ($1, $2, $3, $4, $5, $6, $7, 'paid', $8)
                """, subject.tenantID, Step.Subject.subject.rawValue, subject.id, provider.rawValue,
                event.gatewayReference ?? subject.gatewayReference, event.amount ?? subject.amountDue,
                event.currency?.uppercased() ?? subject.currency, eventID)
            return (.processed, sessions)
        }
    }
}
