import Foundation
import Postgres

/// The central webhook's decisions (DESIGN §6), independent of HTTP:
/// store the delivery → find the order it names → verify it with the account that opened that
/// order's checkout → check provider, amount and currency → apply it to the order exactly once.
/// Whatever happens after the first step, the stored event ends with its outcome.
struct WebhookProcessor: Sendable {
    let events: WebhookEventLog
    let orders: FulfilmentOrders
    let fulfilment: OrderFulfilment
    /// The account by id, active or not (`PaymentGatewayRepository.account(id:)`).
    let account: @Sendable (UUID) throws -> PaymentGatewayAccount?
    /// The adapter for an account (`GatewayFactory.gateway(for:)`).
    let gateway: @Sendable (PaymentGatewayAccount) -> any PaymentGateway

    /// - Throws: only when the delivery could not even be stored (the database is unreachable).
    func handle(provider: PaymentProvider, headers: [(name: String, value: String)], body: [UInt8]) throws
        -> WebhookOutcome
    {
        let eventID = try events.record(provider: provider.rawValue, headers: headers, body: body)
        var tenantID: UUID?
        var reference: String?
        do {
            guard let claimed = WebhookReference.peek(provider: provider, body: body) else {
                return try finish(eventID, .rejected(.badRequest, "no order reference in the body"), nil, nil)
            }
            reference = claimed
            guard let target = try orders.unscopedOrder(number: claimed) else {
                return try finish(eventID, .rejected(.notFound, "unknown order reference"), nil, claimed)
            }
            tenantID = target.order.tenantID
            let outcome = try verifyAndApply(
                provider: provider, delivery: WebhookDelivery(headers: Self.dictionary(headers), body: body),
                target: target, eventID: eventID)
            if outcome.kind == .rejected { return try finish(eventID, outcome, tenantID, claimed) }
            return outcome
        } catch {
            Log.error("webhook \(provider.rawValue) event \(eventID) failed: \(error)")
            let outcome = WebhookOutcome.failed(String(describing: error))
            try? events.finish(eventID, outcome: outcome, tenantID: tenantID, reference: reference)
            return outcome
        }
    }

    /// Everything after the order is known. Rejections are returned, not written (the caller writes them).
    private func verifyAndApply(
        provider: PaymentProvider, delivery: WebhookDelivery, target: FulfilmentOrder, eventID: Int64
    ) throws -> WebhookOutcome {
        let order = target.order
        guard order.gatewayProvider == provider.rawValue, let accountID = order.gatewayID else {
            return .rejected(.unprocessableContent, "the order was not opened with \(provider.rawValue)")
        }
        guard let account = try account(accountID), account.provider == provider else {
            return .rejected(.forbidden, "the order's gateway account no longer exists")
        }
        let event: PaymentEvent
        do {
            event = try gateway(account).verify(delivery)
        } catch {
            return .rejected(.unauthorized, error.reason)
        }
        guard event.reference == order.number else {
            return .rejected(.unprocessableContent, "the verified reference differs from the order")
        }
        if let currency = event.currency, currency.uppercased() != "IDR" {
            return .rejected(.unprocessableContent, "currency \(currency) is not IDR")
        }
        if event.status == .paid && event.amount == nil {
            return .rejected(.unprocessableContent, "a payment without an amount")
        }
        if let amount = event.amount, amount != order.amount {
            return .rejected(.unprocessableContent, "amount \(amount) differs from the order's \(order.amount)")
        }
        return try fulfilment.apply(event, to: target, provider: provider, eventID: eventID)
    }

    private func finish(_ id: Int64, _ outcome: WebhookOutcome, _ tenantID: UUID?, _ reference: String?) throws
        -> WebhookOutcome
    {
        try events.finish(id, outcome: outcome, tenantID: tenantID, reference: reference)
        return outcome
    }

    private static func dictionary(_ headers: [(name: String, value: String)]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            result[key] = result[key].map { $0 + ", " + value } ?? value
        }
        return result
    }
}

extension WebhookProcessor {
    /// The processor behind the central endpoint, with the real repositories and gateway adapters.
    static func central(database: PostgresPool, accounts: PaymentGatewayRepository, gateways: GatewayFactory) -> WebhookProcessor {
        let events = WebhookEventLog(database: database)
        let orders = FulfilmentOrders(database: database)
        return WebhookProcessor(
            events: events, orders: orders,
            fulfilment: OrderFulfilment(database: database, orders: orders, events: events),
            account: { id in try accounts.account(id: id) }, gateway: { account in gateways.gateway(for: account) })
    }
}
