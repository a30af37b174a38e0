import Foundation
import Postgres

/// Asks the gateways about checkouts whose webhook has not come: orders (pending, or expired while
/// waiting) and unpaid invoices whose checkout was opened more than `after` ago, so a notification
/// that never arrives never loses a payment. What the status API answers is settled through the
/// webhook's own path (`WebhookProcessor.settle`, then `PaymentFulfilment`), so a payment is fulfilled
/// once whichever finds it first.
///
/// Every process runs it. A round claims its subjects with `for update skip locked` and stamps them
/// (`payment_checked_at`) before asking, with no connection held during the calls: no subject is asked
/// by two processes, and each is asked again only after a pause that grows with its checkout's age
/// (a quarter of it, at least `after`), until it is `lookBack` old.
final class PaymentReconciliation: Sendable {
    let database: PostgresPool
    let processor: WebhookProcessor
    let after: Duration
    private let timer: RepeatingTimer

    static let batchSize = 20
    static let lookBack: Duration = .seconds(2 * 86_400)

    init(database: PostgresPool, processor: WebhookProcessor, interval: Duration, after: Duration) {
        self.database = database
        self.processor = processor
        self.after = after
        timer = RepeatingTimer(label: "gerbang.payment-reconciliation", interval: interval)
    }

    func start() {
        timer.start(immediately: false) { [weak self] in self?.reconcileLoggingErrors() }
    }

    func stop() {
        timer.stop()
    }

    /// One round: claims due subjects and asks their gateways. - Returns: how many it found paid.
    @discardableResult
    func reconcileDuePayments() throws -> Int {
        var paid = 0
        for reference in try claimDue() {
            do {
                if try reconcile(reference) { paid += 1 }
            } catch {
                Log.warning("reconciliation of \(reference) failed: \(error)")
            }
        }
        return paid
    }

    /// Stamps and returns the references due for a question, across tenants.
    private func claimDue() throws -> [String] {
        let afterSeconds = Int(after.components.seconds)
        let lookBackSeconds = Int(Self.lookBack.components.seconds)
        let providers = PaymentProvider.allCases.filter { $0 != .sandbox }.map(\.rawValue)
        return try database.unscoped.transaction { db in
            // `expires_at` bounds the scan of `voucher_orders_reconcile`: a checkout opens while its order is
            // pending, so never more than the expiry sweep's interval after `expires_at` (migration 0043).
            let orders = try db.query(
                """
                update voucher_orders set payment_checked_at = now()
                where (tenant_id, id) in (
                    select tenant_id, id from voucher_orders
                    where status in ('pending', 'expired') and checkout_opened_at is not null
                        and gateway_provider = any($1::text[])
                        and expires_at > now() - make_interval(secs => $3) - interval '1 day'
                        and checkout_opened_at <= now() - make_interval(secs => $2)
                        and checkout_opened_at > now() - make_interval(secs => $3)
                        and (payment_checked_at is null or payment_checked_at <= now()
                            - greatest(make_interval(secs => $2), (now() - checkout_opened_at) / 4))
                    order by checkout_opened_at limit $4
                    for update skip locked)
                returning order_number as reference
                """, providers, afterSeconds, lookBackSeconds, Self.batchSize)
            let invoices = try db.query(
                """
                update invoices set payment_checked_at = now()
                where (tenant_id, id) in (
                    select tenant_id, id from invoices
                    where status = 'unpaid' and checkout_opened_at is not null
                        and gateway_provider = any($1::text[])
                        and checkout_opened_at <= now() - make_interval(secs => $2)
                        and checkout_opened_at > now() - make_interval(secs => $3)
                        and (payment_checked_at is null or payment_checked_at <= now()
                            - greatest(make_interval(secs => $2), (now() - checkout_opened_at) / 4))
                    order by checkout_opened_at limit $4
                    for update skip locked)
                returning payment_reference as reference
                """, providers, afterSeconds, lookBackSeconds, Self.batchSize)
            return try (orders.map { row in try row.decode("reference", as: String.self) })
                + invoices.map { row in try row.decode("reference", as: String.self) }
        }
    }

    /// Asks the gateway about one subject and settles what it says. - Returns: whether it was paid now.
    private func reconcile(_ reference: String) throws -> Bool {
        guard let step = try processor.step(for: reference) else { return false }
        let subject = step.subject
        guard let accountID = subject.gatewayID, let providerName = subject.gatewayProvider,
            let provider = PaymentProvider(rawValue: providerName), let account = try processor.account(accountID)
        else { return false }
        let gateway = processor.gateway(account)
        guard gateway.hasStatusAPI,
            let event = try gateway.currentStatus(reference: reference, gatewayReference: subject.gatewayReference),
            event.status != .pending, event.status == .paid || subject.awaitsPayment
        else { return false }
        let eventID = try processor.events.recordStatusAnswer(provider: provider.rawValue, event: event)
        let outcome = try processor.settle(event, step: step, provider: provider, eventID: eventID)
        if outcome.kind == .rejected {
            try processor.events.finish(eventID, outcome: outcome, tenantID: subject.tenantID, reference: reference)
            Log.warning("reconciliation of \(reference): \(outcome.reason ?? "rejected")")
        }
        if outcome.kind == .processed, event.status == .paid {
            Log.info("reconciliation: \(reference) was paid (its webhook never arrived)")
            return true
        }
        return false
    }

    private func reconcileLoggingErrors() {
        do {
            try reconcileDuePayments()
        } catch {
            Log.warning("payment reconciliation round failed: \(error)")
        }
    }
}
