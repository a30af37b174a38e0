import Foundation
import Postgres

/// Applies one verified payment event to its order, in one transaction with the order row locked:
/// `pending → paid` exactly once with its vouchers, RADIUS users, payment record and buyer message;
/// failures and expiries only ever move a pending order. A paid order is never downgraded.
struct OrderFulfilment: Sendable {
    let database: PostgresPool
    let orders: FulfilmentOrders
    let events: WebhookEventLog
    let issuer = VoucherIssuer()
    let radius = RadiusProvisioner()
    let outbox = NotificationOutbox()

    /// The outcome is written on the event row in the same transaction as the change it describes.
    func apply(_ event: PaymentEvent, to target: FulfilmentOrder, provider: PaymentProvider, eventID: Int64) throws
        -> WebhookOutcome
    {
        let order = target.order
        do {
            return try database.transaction { db in
                let current = try orders.lockedStatus(of: order, on: db)
                let outcome: WebhookOutcome
                switch event.status {
                case .paid:
                    outcome = try pay(target, status: current, event: event, provider: provider, eventID: eventID, on: db)
                case .pending:
                    outcome = .ignored("still pending at the gateway")
                case .refunded:
                    outcome = .ignored("refunds are handled by an administrator")
                case .expired, .failed, .cancelled:
                    outcome = try close(order, status: current, as: event.status, on: db)
                }
                try events.finish(eventID, outcome: outcome, tenantID: order.tenantID, reference: order.number, on: db)
                return outcome
            }
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == "payments_once" {
            // The row lock should make this impossible; the unique payment is the backstop.
            let outcome = WebhookOutcome.duplicate
            try events.finish(eventID, outcome: outcome, tenantID: order.tenantID, reference: order.number)
            return outcome
        }
    }

    private func pay(
        _ target: FulfilmentOrder, status: VoucherOrder.Status, event: PaymentEvent, provider: PaymentProvider,
        eventID: Int64, on db: PostgresConnection
    ) throws -> WebhookOutcome {
        let order = target.order
        // A payment after expiry, failure or cancellation is still honoured: the money was taken.
        guard status != .paid else { return .duplicate }
        try db.query(
            "update voucher_orders set status = 'paid', paid_at = now() where tenant_id = $1 and id = $2",
            order.tenantID, order.id)
        let codes = try issuer.issue(for: order, on: db)
        try radius.provision(codes: codes, order: order, tenantSlug: target.tenantSlug, on: db)
        try db.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount,
                currency, status, webhook_event_id)
            values ($1, 'order', $2, $3, $4, $5, $6, 'paid', $7)
            """, order.tenantID, order.id, provider.rawValue, event.gatewayReference ?? order.gatewayReference,
            event.amount ?? order.amount, event.currency?.uppercased() ?? order.currency, eventID)
        let message = VoucherMessage(sellerName: target.sellerName, order: order, codes: codes)
        try outbox.queue(
            .whatsapp, to: order.buyerPhone, body: message.text, tenantID: order.tenantID,
            subjectReference: order.number, on: db)
        return .processed
    }

    private func close(
        _ order: VoucherOrder, status: VoucherOrder.Status, as eventStatus: PaymentEvent.Status,
        on db: PostgresConnection
    ) throws -> WebhookOutcome {
        guard status == .pending else { return .ignored("order is already \(status.rawValue)") }
        let newStatus: VoucherOrder.Status =
            switch eventStatus {
            case .expired: .expired
            case .cancelled: .cancelled
            default: .failed
            }
        try db.query(
            "update voucher_orders set status = $3 where tenant_id = $1 and id = $2",
            order.tenantID, order.id, newStatus.rawValue)
        return .processed
    }
}
