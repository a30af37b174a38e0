import Foundation
import Postgres

/// Paying a voucher order: `pending → paid` with its vouchers, RADIUS users and the buyer's message;
/// a failure, expiry or cancellation closes a pending order. Run by `PaymentFulfilment`.
struct OrderFulfilment: FulfilmentStep {
    let target: FulfilmentOrder
    let orders: FulfilmentOrders
    let issuer = VoucherIssuer()
    let radius = RadiusProvisioner()
    let outbox = NotificationOutbox()

    var subject: VoucherOrder { target.order }

    func lockedState(on db: PostgresConnection) throws -> FulfilmentState {
        switch try orders.lockedStatus(of: target.order, on: db) {
        case .pending: .awaitingPayment
        case .paid: .paid
        case let closed: .closed(closed.rawValue)
        }
    }

    /// Called only under the row lock with the order unpaid, so paying it cannot find it paid.
    func fulfil(_ event: PaymentEvent, on db: PostgresConnection) throws -> SessionsToEnd {
        guard case .paid(let sessions)? = try payUnlessPaid(event, on: db) else {
            throw PostgresError(.query, "order \(target.order.number) was paid under its lock")
        }
        return sessions
    }

    /// The status update and the vouchers are one statement (`VoucherIssuer.payAndIssue`), the group's
    /// rows read in its round trip; provisioning and the message are then only written, sent with COMMIT.
    func payUnlessPaid(_ event: PaymentEvent, on db: PostgresConnection) throws -> QuickPayment? {
        let order = target.order
        let group = RadiusGroupPolicy.groupName(tenantSlug: target.tenantSlug, profileGroup: order.radiusGroup)
        guard let (codes, groupRows) = try issuer.payAndIssue(for: order, with: RadiusProvisioner.groupRows(of: group), on: db)
        else { return .alreadyPaid }
        try radius.provision(codes: codes, order: order, tenantSlug: target.tenantSlug, group: groupRows, on: db)
        let message = VoucherMessage(sellerName: target.sellerName, order: order, codes: codes)
        try outbox.queue(
            .whatsapp, to: order.buyerPhone, body: message.text, tenantID: order.tenantID,
            subjectReference: order.number, on: db)
        return .paid(.none)
    }

    func close(as status: PaymentEvent.Status, event: PaymentEvent, on db: PostgresConnection) throws {
        let newStatus: VoucherOrder.Status =
            switch status {
            case .expired: .expired
            case .cancelled: .cancelled
            default: .failed
            }
        try db.query(
            "update voucher_orders set status = $3 where tenant_id = $1 and id = $2",
            target.order.tenantID, target.order.id, newStatus.rawValue)
    }
}
