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

    func fulfil(_ event: PaymentEvent, on db: PostgresConnection) throws -> SessionsToEnd {
        let order = target.order
        try db.enqueue(
            "update voucher_orders set status = 'paid', paid_at = now() where tenant_id = $1 and id = $2",
            order.tenantID, order.id)
        // The group's rows are read in the vouchers' round trip: provisioning then only writes.
        let group = RadiusGroupPolicy.groupName(tenantSlug: target.tenantSlug, profileGroup: order.radiusGroup)
        let (codes, groupRows) = try issuer.issue(for: order, with: RadiusProvisioner.groupRows(of: group), on: db)
        try radius.provision(codes: codes, order: order, tenantSlug: target.tenantSlug, group: groupRows, on: db)
        let message = VoucherMessage(sellerName: target.sellerName, order: order, codes: codes)
        try outbox.queue(
            .whatsapp, to: order.buyerPhone, body: message.text, tenantID: order.tenantID,
            subjectReference: order.number, on: db)
        return .none
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
