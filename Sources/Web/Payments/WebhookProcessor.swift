import Foundation
import Postgres

/// The central webhook's decisions (DESIGN §6), independent of HTTP:
/// store the delivery → find the order or invoice its reference names (and so the tenant) → verify it
/// with the account that opened that subject's checkout → check provider, amount and currency → apply
/// it exactly once (`PaymentFulfilment` with the subject's step).
/// Whatever happens after the first step, the stored event ends with its outcome.
struct WebhookProcessor: Sendable {
    let events: WebhookEventLog
    let orders: FulfilmentOrders
    let invoices: InvoiceRepository
    let fulfilment: PaymentFulfilment
    /// The account by id, active or not (`PaymentGatewayRepository.account(id:)`).
    let account: @Sendable (UUID) throws -> PaymentGatewayAccount?
    /// The adapter for an account (`GatewayFactory.gateway(for:)`).
    let gateway: @Sendable (PaymentGatewayAccount) -> any PaymentGateway
    /// Counts webhook calls and payments per tenant, and records rejections, when set.
    var usage: UsageMeter?
    var audit: SecurityAudit? = nil

    /// - Throws: only when the delivery could not even be stored (the database is unreachable).
    func handle(
        provider: PaymentProvider, headers: [(name: String, value: String)], body: [UInt8], clientAddress: String = ""
    ) throws -> WebhookOutcome {
        let eventID = try events.record(provider: provider.rawValue, headers: headers, body: body)
        var tenantID: UUID?
        var reference: String?
        do {
            guard let claimed = WebhookReference.peek(provider: provider, body: body) else {
                return try finish(eventID, .rejected(.badRequest, "no order or invoice reference in the body"), nil, nil, clientAddress)
            }
            reference = claimed
            guard let step = try step(for: claimed) else {
                return try finish(eventID, .rejected(.notFound, "unknown order or invoice reference"), nil, claimed, clientAddress)
            }
            tenantID = step.subject.tenantID
            usage?.record(UsageCounts(webhookCalls: 1), tenantID: step.subject.tenantID)
            let outcome = try verifyAndApply(
                provider: provider, delivery: WebhookDelivery(headers: Self.dictionary(headers), body: body),
                step: step, eventID: eventID)
            if outcome.kind == .rejected { return try finish(eventID, outcome, tenantID, claimed, clientAddress) }
            return outcome
        } catch {
            Log.error("webhook \(provider.rawValue) event \(eventID) failed: \(error)")
            let outcome = WebhookOutcome.failed(String(describing: error))
            try? events.finish(eventID, outcome: outcome, tenantID: tenantID, reference: reference)
            return outcome
        }
    }

    /// The fulfilment step for the order or invoice the reference names, in whichever tenant holds it.
    private func step(for reference: String) throws -> (any FulfilmentStep)? {
        switch WebhookReference.subject(of: reference) {
        case .order: try orders.unscopedOrder(number: reference).map { OrderFulfilment(target: $0, orders: orders) }
        case .invoice: try invoices.unscopedInvoice(paymentReference: reference).map { InvoiceFulfilment(subject: $0, invoices: invoices) }
        case nil: nil
        }
    }

    /// Everything after the subject is known. Rejections are returned, not written (the caller writes them).
    private func verifyAndApply(
        provider: PaymentProvider, delivery: WebhookDelivery, step: some FulfilmentStep, eventID: Int64
    ) throws -> WebhookOutcome {
        let subject = step.subject
        let kind = type(of: subject).subject.rawValue
        guard subject.gatewayProvider == provider.rawValue, let accountID = subject.gatewayID else {
            return .rejected(.unprocessableContent, "the \(kind) was not opened with \(provider.rawValue)")
        }
        guard let account = try account(accountID), account.provider == provider else {
            return .rejected(.forbidden, "the \(kind)'s gateway account no longer exists")
        }
        let event: PaymentEvent
        do {
            event = try gateway(account).verify(delivery)
        } catch {
            return .rejected(.unauthorized, error.reason)
        }
        guard event.reference == subject.paymentReference else {
            return .rejected(.unprocessableContent, "the verified reference differs from the \(kind)")
        }
        if let currency = event.currency, currency.uppercased() != subject.currency.uppercased() {
            return .rejected(.unprocessableContent, "currency \(currency) is not \(subject.currency)")
        }
        if event.status == .paid && event.amount == nil {
            return .rejected(.unprocessableContent, "a payment without an amount")
        }
        if let amount = event.amount, amount != subject.amount {
            return .rejected(.unprocessableContent, "amount \(amount) differs from the \(kind)'s \(subject.amount)")
        }
        let outcome = try fulfilment.apply(event, with: step, provider: provider, eventID: eventID)
        if outcome.kind == .processed, event.status == .paid {
            let paidOrders: Int64 = type(of: subject).subject == .order ? 1 : 0
            usage?.record(UsageCounts(paidOrders: paidOrders, paidAmount: subject.amount), tenantID: subject.tenantID)
        }
        return outcome
    }

    private func finish(
        _ id: Int64, _ outcome: WebhookOutcome, _ tenantID: UUID?, _ reference: String?, _ clientAddress: String
    ) throws -> WebhookOutcome {
        try events.finish(id, outcome: outcome, tenantID: tenantID, reference: reference)
        audit?.record(
            .webhookRejected, tenantID: tenantID, clientAddress: clientAddress,
            detail: "\(reference ?? "-"): \(outcome.reason ?? "")")
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
    static func central(
        database: PostgresPool, accounts: GatewayAccountCache, gateways: GatewayFactory, usage: UsageMeter?
    ) -> WebhookProcessor {
        let events = WebhookEventLog(database: database)
        var processor = WebhookProcessor(
            events: events, orders: FulfilmentOrders(database: database), invoices: InvoiceRepository(database: database),
            fulfilment: PaymentFulfilment(database: database, events: events),
            account: { id in try accounts.account(id: id) }, gateway: { account in gateways.gateway(for: account) })
        processor.usage = usage
        processor.audit = SecurityAudit(database: database)
        return processor
    }
}
