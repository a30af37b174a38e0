import Foundation
import HTTP
import Postgres

/// The central webhook's decisions, independent of HTTP:
/// find the order or invoice the delivery's reference names (and so the tenant) → verify the delivery
/// with the account that opened that subject's checkout → store it → ask the gateway's status API what
/// really happened, where it has one (the notification only says when to ask) → check provider, amount
/// and currency → apply it exactly once (`PaymentFulfilment` with the subject's step).
///
/// A delivery nobody can verify costs its sender: such deliveries are counted per client address and
/// refused (429, not stored) past the limit, and stored bounded below it.
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
    /// Counts unverified deliveries per client address; nil: no limit.
    var unverifiedLimit: RateLimitGate? = nil

    /// - Throws: only when the database is unreachable (nothing could be looked up or stored).
    func handle(
        provider: PaymentProvider, headers: [(name: String, value: String)], body: [UInt8], clientAddress: String = ""
    ) throws -> WebhookOutcome {
        let delivery = WebhookDelivery(headers: Self.dictionary(headers), body: body)
        switch try check(provider: provider, delivery: delivery) {
        case .refused(let outcome, let tenantID, let reference):
            guard unverifiedLimit?.admitsUnverifiedWebhook(from: clientAddress, tenantID: tenantID) ?? true else {
                return .rejected(.tooManyRequests, "too many deliveries that could not be verified")
            }
            let stored = WebhookEventLog.Delivery(
                provider: provider.rawValue, headers: headers, body: body, verified: false, tenantID: tenantID,
                reference: reference)
            return try reject(.unstored(stored), outcome, tenantID, reference, clientAddress)
        case .verified(let step, let gateway, let notification):
            let subject = step.subject
            usage?.record(UsageCounts(webhookCalls: 1), tenantID: subject.tenantID)
            let stored = WebhookEventLog.Delivery(
                provider: provider.rawValue, headers: headers, body: body, verified: true, tenantID: subject.tenantID,
                reference: subject.paymentReference)
            // Asking a status API takes a network call, with no transaction open: the delivery is stored
            // first. Otherwise it is stored with its outcome by the transaction that applies it.
            let record: WebhookEventLog.Record =
                gateway.hasStatusAPI ? .stored(try events.record(stored)) : .unstored(stored)
            do {
                let outcome = try confirmAndApply(notification, step: step, gateway: gateway, provider: provider, record: record)
                if outcome.kind == .rejected {
                    return try reject(record, outcome, subject.tenantID, subject.paymentReference, clientAddress)
                }
                if case .stored = record, outcome.kind != .processed { try events.write(record, outcome: outcome) }
                return outcome
            } catch {
                Log.error("webhook \(provider.rawValue) for \(subject.paymentReference) failed: \(error)")
                let outcome = WebhookOutcome.failed(String(describing: error))
                // Nothing of the failed transaction remains: an unstored delivery is stored now, on its own.
                if case .stored = record {
                    try? events.write(record, outcome: outcome)
                } else {
                    try events.write(record, outcome: outcome)
                }
                return outcome
            }
        }
    }

    /// A delivery before anything is stored: verified with its subject's account, or refused and why.
    private enum Checked {
        case verified(any FulfilmentStep, any PaymentGateway, PaymentEvent)
        case refused(WebhookOutcome, tenantID: UUID?, reference: String?)
    }

    private func check(provider: PaymentProvider, delivery: WebhookDelivery) throws -> Checked {
        guard let claimed = WebhookReference.peek(provider: provider, body: delivery.body) else {
            return .refused(.rejected(.badRequest, "no order or invoice reference in the body"), tenantID: nil, reference: nil)
        }
        guard let step = try step(for: claimed) else {
            return .refused(.rejected(.notFound, "unknown order or invoice reference"), tenantID: nil, reference: claimed)
        }
        let subject = step.subject
        let kind = type(of: subject).subject.rawValue
        func refused(_ status: HTTPStatus, _ reason: String) -> Checked {
            .refused(.rejected(status, reason), tenantID: subject.tenantID, reference: claimed)
        }
        guard subject.gatewayProvider == provider.rawValue, let accountID = subject.gatewayID else {
            return refused(.unprocessableContent, "the \(kind) was not opened with \(provider.rawValue)")
        }
        guard let account = try account(accountID), account.provider == provider else {
            return refused(.forbidden, "the \(kind)'s gateway account no longer exists")
        }
        let gateway = gateway(account)
        let event: PaymentEvent
        do {
            event = try gateway.verify(delivery)
        } catch {
            return refused(.unauthorized, error.reason)
        }
        guard event.reference == subject.paymentReference else {
            return refused(.unprocessableContent, "the verified reference differs from the \(kind)")
        }
        return .verified(step, gateway, event)
    }

    /// The fulfilment step for the order or invoice the reference names, in whichever tenant holds it.
    func step(for reference: String) throws -> (any FulfilmentStep)? {
        switch WebhookReference.subject(of: reference) {
        case .order: try orders.unscopedOrder(number: reference).map { OrderFulfilment(target: $0, orders: orders) }
        case .invoice: try invoices.unscopedInvoice(paymentReference: reference).map { InvoiceFulfilment(subject: $0, invoices: invoices) }
        case nil: nil
        }
    }

    /// Replaces the notification with the gateway's own answer where it has a status API, then settles.
    /// No database connection is held while the gateway is asked.
    private func confirmAndApply(
        _ notification: PaymentEvent, step: some FulfilmentStep, gateway: any PaymentGateway, provider: PaymentProvider,
        record: WebhookEventLog.Record
    ) throws -> WebhookOutcome {
        guard gateway.hasStatusAPI else {
            return try settle(notification, step: step, provider: provider, record: record)
        }
        // A replayed notification for something already paid is not worth a question to the gateway.
        if step.subject.isPaid { return .duplicate }
        let subject = step.subject
        let confirmed: PaymentEvent?
        do {
            confirmed = try gateway.currentStatus(reference: subject.paymentReference, gatewayReference: subject.gatewayReference)
        } catch {
            Log.warning("status of \(subject.paymentReference) could not be confirmed: \(error)")
            return .failed("the gateway's status API could not be asked: \(error)")
        }
        guard let confirmed else { return .ignored("the gateway's status API does not know this payment") }
        return try settle(confirmed, step: step, provider: provider, record: record)
    }

    /// Applies what the gateway said (a verified delivery of a gateway without a status API, or a
    /// status API's answer) once it matches the subject: reference, currency and amount. Shared with
    /// the reconciliation job, so a payment it finds is fulfilled exactly as a webhook's would be.
    /// Rejections are returned, not written (the caller writes them).
    func settle(_ event: PaymentEvent, step: some FulfilmentStep, provider: PaymentProvider, eventID: Int64) throws
        -> WebhookOutcome
    {
        try settle(event, step: step, provider: provider, record: .stored(eventID))
    }

    /// The same for a delivery that may not be stored yet: an outcome other than a rejection is written
    /// with the change it describes, storing the delivery then.
    func settle(_ event: PaymentEvent, step: some FulfilmentStep, provider: PaymentProvider, record: WebhookEventLog.Record)
        throws -> WebhookOutcome
    {
        let subject = step.subject
        let kind = type(of: subject).subject.rawValue
        guard event.reference == subject.paymentReference else {
            return .rejected(.unprocessableContent, "the gateway's reference differs from the \(kind)")
        }
        if let currency = event.currency, currency.uppercased() != subject.currency.uppercased() {
            return .rejected(.unprocessableContent, "currency \(currency) is not \(subject.currency)")
        }
        if event.status == .paid && event.amount == nil {
            return .rejected(.unprocessableContent, "a payment without an amount")
        }
        if let amount = event.amount, amount != subject.amountDue {
            return .rejected(.unprocessableContent, "amount \(amount) differs from the \(kind)'s \(subject.amountDue)")
        }
        let outcome = try fulfilment.apply(event, with: step, provider: provider, record: record)
        if outcome.kind == .processed, event.status == .paid {
            let paidOrders: Int64 = type(of: subject).subject == .order ? 1 : 0
            usage?.record(UsageCounts(paidOrders: paidOrders, paidAmount: subject.amountDue), tenantID: subject.tenantID)
        }
        return outcome
    }

    private func reject(
        _ record: WebhookEventLog.Record, _ outcome: WebhookOutcome, _ tenantID: UUID?, _ reference: String?,
        _ clientAddress: String
    ) throws -> WebhookOutcome {
        try events.write(record, outcome: outcome)
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
        database: PostgresPool, accounts: GatewayAccountCache, gateways: GatewayFactory, usage: UsageMeter?,
        webhookLimit: RateLimitGate? = nil
    ) -> WebhookProcessor {
        let events = WebhookEventLog(database: database)
        var processor = WebhookProcessor(
            events: events, orders: FulfilmentOrders(database: database), invoices: InvoiceRepository(database: database),
            fulfilment: PaymentFulfilment(database: database, events: events),
            account: { id in try accounts.account(id: id) }, gateway: { account in gateways.gateway(for: account) })
        processor.usage = usage
        processor.audit = SecurityAudit(database: database)
        processor.unverifiedLimit = webhookLimit
        return processor
    }
}
