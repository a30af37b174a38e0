import Foundation
import Postgres

/// Opens the payment for a committed, pending order: chooses the tenant's effective gateway account,
/// asks it for a checkout and records where the buyer must go. At most one checkout per order: the
/// order row stays locked while the gateway is asked, so a double submit waits and then reuses it.
struct OrderCheckout: Sendable {
    let database: PostgresPool
    let orders: VoucherOrderRepository
    let accounts: PaymentGatewayRepository
    let gateways: GatewayFactory

    enum Outcome: Sendable {
        /// Send the buyer to the gateway's page.
        case redirect(String)
        /// Nothing to pay any more (paid, expired, failed): show the order's status.
        case settled(VoucherOrder)
        /// The gateway failed or timed out, or none is configured; the order is kept for a retry.
        case unavailable(GatewayError)
    }

    /// - Parameters:
    ///   - accessToken: the order's token when this submit knows it (it created the order, or its cookie says).
    ///   - returnURL: where the gateway sends the buyer back, built around the access token.
    /// - Returns: the outcome, and the access token that is valid afterwards when known (it may be new).
    func open(
        _ order: VoucherOrder, accessToken: String?, returnURL: (String) -> String, for tenant: Tenant
    ) throws -> (outcome: Outcome, accessToken: String?) {
        guard order.effectiveStatus() == .pending else { return (.settled(order), accessToken) }
        if let url = order.checkoutURL { return (.redirect(url), accessToken) }
        guard let account = try accounts.effectiveAccount(for: tenant) else {
            Log.error("tenant \(tenant.slug) has no active payment gateway account: order \(order.number) cannot be paid")
            return (.unavailable(.misconfigured("no active payment gateway account")), accessToken)
        }
        let gateway = gateways.gateway(for: account)
        return try database.transaction { connection in
            guard let locked = try orders.lockedOrder(id: order.id, for: tenant, on: connection) else {
                return (.settled(order), accessToken)
            }
            guard locked.effectiveStatus() == .pending else { return (.settled(locked), accessToken) }
            // Another submit of the same form opened it while this one waited for the lock.
            if let url = locked.checkoutURL { return (.redirect(url), accessToken) }
            let token = try accessToken ?? orders.replaceAccessToken(orderID: locked.id, for: tenant, on: connection)
            let checkout: Checkout
            do throws(GatewayError) {
                checkout = try gateway.createCheckout(request(for: locked, returnURL: returnURL(token)))
            } catch {
                Log.warning("checkout for order \(locked.number) failed: \(error)")
                return (.unavailable(error), token)
            }
            try orders.recordCheckout(checkout, account: account, orderID: locked.id, for: tenant, on: connection)
            return (.redirect(checkout.redirectURL), token)
        }
    }

    private func request(for order: VoucherOrder, returnURL: String) -> CheckoutRequest {
        CheckoutRequest(
            reference: order.number, amount: order.amount, currency: order.currency,
            description: "\(order.quantity) × \(order.profileName)", customerName: order.buyerName,
            customerEmail: order.buyerEmail, customerPhone: order.buyerPhone,
            items: [
                CheckoutRequest.Item(
                    id: order.profileID.uuidString.lowercased(), name: order.profileName, unitPrice: order.unitPrice,
                    quantity: order.quantity)
            ],
            returnURL: returnURL,
            // What is left of the order's own deadline, so the gateway's page never outlives it.
            expiresIn: .seconds(max(60, Int(order.expiresAt.timeIntervalSinceNow.rounded(.down)))))
    }
}
