import Foundation
import Postgres

/// Opens the payment for an order or an invoice: chooses the tenant's effective gateway account, asks
/// it for a checkout and records where the customer must go. At most one checkout per subject: its row
/// stays locked while the gateway is asked, so a double submit waits and then reuses the first one.
/// What differs per subject (how to lock it, what to sell, where to record) is passed in by the
/// subject's own `open` (`PaymentCheckout+Order`, `PaymentCheckout+Invoice`).
struct PaymentCheckout: Sendable {
    let database: PostgresPool
    let accounts: GatewayAccountCache
    let gateways: GatewayFactory

    enum Outcome<Subject: Payable>: Sendable {
        /// Send the customer to the gateway's page.
        case redirect(String)
        /// Nothing to pay any more (paid, expired, void…): show the subject as it is now.
        case settled(Subject)
        /// The gateway failed or timed out, or none is configured; the subject is untouched for a retry.
        case unavailable(GatewayError)
    }

    /// - Parameters:
    ///   - lock: re-reads the subject with its row locked for the transaction (nil: it is gone).
    ///   - request: what to ask the gateway for, for the locked subject.
    ///   - record: stores the opened checkout and its account on the subject's row.
    func open<Subject: Payable>(
        _ subject: Subject, for tenant: Tenant, lock: (PostgresConnection) throws -> Subject?,
        request: (Subject, PostgresConnection) throws -> CheckoutRequest,
        record: (Checkout, PaymentGatewayAccount, Subject, PostgresConnection) throws -> Void
    ) throws -> Outcome<Subject> {
        guard subject.awaitsPayment else { return .settled(subject) }
        if let url = subject.checkoutURL { return .redirect(url) }
        guard let account = try accounts.effectiveAccount(for: tenant) else {
            Log.error("tenant \(tenant.slug) has no active payment gateway account: \(subject.paymentReference) cannot be paid")
            return .unavailable(.misconfigured("no active payment gateway account"))
        }
        let gateway = gateways.gateway(for: account)
        return try database.scoped(to: tenant).transaction { connection in
            guard let locked = try lock(connection) else { return .settled(subject) }
            guard locked.awaitsPayment else { return .settled(locked) }
            // Another submit opened it while this one waited for the lock.
            if let url = locked.checkoutURL { return .redirect(url) }
            let checkoutRequest = try request(locked, connection)
            let checkout: Checkout
            do throws(GatewayError) {
                checkout = try gateway.createCheckout(checkoutRequest)
            } catch {
                Log.warning("checkout for \(Subject.subject.rawValue) \(locked.paymentReference) failed: \(error)")
                return .unavailable(error)
            }
            try record(checkout, account, locked, connection)
            return .redirect(checkout.redirectURL)
        }
    }
}
