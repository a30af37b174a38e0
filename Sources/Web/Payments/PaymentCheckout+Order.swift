import Foundation
import Postgres

extension PaymentCheckout {
    /// Opens the checkout for a committed, pending voucher order.
    /// - Parameters:
    ///   - accessToken: the order's token when this submit knows it (it created the order, or its cookie says).
    ///   - returnURL: where the gateway sends the buyer back, built around the access token.
    /// - Returns: the outcome, and the access token that is valid afterwards when known (it may be new).
    func open(
        _ order: VoucherOrder, accessToken: String?, returnURL: (String) -> String, for tenant: Tenant
    ) throws -> (outcome: Outcome<VoucherOrder>, accessToken: String?) {
        let orders = VoucherOrderRepository(database: database)
        var token = accessToken
        let outcome = try open(
            order, for: tenant,
            lock: { connection in try orders.lockedOrder(id: order.id, for: tenant, on: connection) },
            request: { locked, connection in
                // The gateway's return link must carry a token; a submit that never learnt it draws a new one.
                let known = try token ?? orders.replaceAccessToken(orderID: locked.id, for: tenant, on: connection)
                token = known
                return Self.request(for: locked, returnURL: returnURL(known))
            },
            record: { checkout, account, locked, connection in
                try orders.recordCheckout(checkout, account: account, orderID: locked.id, for: tenant, on: connection)
            })
        return (outcome, token)
    }

    /// Opens the checkout for an order this submit has just created (`VoucherOrderRepository.create`
    /// commits it claimed), whose access token it knows.
    func openCreated(_ order: VoucherOrder, accessToken: String, returnURL: (String) -> String, for tenant: Tenant) throws
        -> Outcome<VoucherOrder>
    {
        let orders = VoucherOrderRepository(database: database)
        return try openClaimed(
            order, request: Self.request(for: order, returnURL: returnURL(accessToken)), for: tenant,
            record: { checkout, account, created, connection in
                try orders.recordCheckout(checkout, account: account, orderID: created.id, for: tenant, on: connection)
            })
    }

    private static func request(for order: VoucherOrder, returnURL: String) -> CheckoutRequest {
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
