import Foundation
import Postgres

/// Opens the payment for an order or an invoice: chooses the tenant's effective gateway account, asks
/// it for a checkout and records where the customer must go.
///
/// No pooled connection or row lock is held while the gateway is asked (it may take its whole timeout):
/// a short transaction claims the subject (`CheckoutClaims`), the gateway is called with no connection,
/// and a second short transaction records the page and lifts the claim. A double submit that finds the
/// claim waits for the first one's page, polling, instead of asking the gateway again. A page is
/// reused only while the account that opened it is still the tenant's effective one (and unchanged:
/// changing an account's row forgets its open pages).
///
/// What differs per subject (how to lock it, what to sell, where to record) is passed in by the
/// subject's own `open` (`PaymentCheckout+Order`, `PaymentCheckout+Invoice`).
struct PaymentCheckout: Sendable {
    let database: PostgresPool
    let accounts: GatewayAccountCache
    let gateways: GatewayFactory
    /// The gateway's timeout: a claim older than this (and a little) belongs to a submit that died.
    var gatewayTimeout: Duration = .seconds(10)
    /// How often a waiting double submit looks for the first one's page.
    var pollInterval: Duration = .milliseconds(200)

    enum Outcome<Subject: Payable>: Sendable {
        /// Send the customer to the gateway's page.
        case redirect(String)
        /// Nothing to pay any more (paid, expired, void…): show the subject as it is now.
        case settled(Subject)
        /// The gateway failed or timed out, or none is configured; the subject is untouched for a retry.
        case unavailable(GatewayError)
    }

    /// What the first transaction decided.
    private enum Step<Subject: Payable> {
        case done(Outcome<Subject>)
        /// Another submit holds the claim: wait for its page.
        case wait
        case ask(Subject, CheckoutRequest)
    }

    /// - Parameters:
    ///   - lock: re-reads the subject with its row locked for the transaction (nil: it is gone).
    ///   - request: what to ask the gateway for, for the locked subject.
    ///   - record: stores the opened checkout and its account on the subject's row, and lifts the claim
    ///     (`CheckoutClaims`) in the same write.
    func open<Subject: Payable>(
        _ subject: Subject, for tenant: Tenant, lock: (PostgresConnection) throws -> Subject?,
        request: (Subject, PostgresConnection) throws -> CheckoutRequest,
        record: (Checkout, PaymentGatewayAccount, Subject, PostgresConnection) throws -> Void
    ) throws -> Outcome<Subject> {
        guard subject.awaitsPayment else { return .settled(subject) }
        guard let account = try accounts.effectiveAccount(for: tenant) else {
            Log.error("tenant \(tenant.slug) has no usable payment gateway account: \(subject.paymentReference) cannot be paid")
            return .unavailable(.misconfigured("no active payment gateway account"))
        }
        if let url = Self.reusableURL(of: subject, under: account) { return .redirect(url) }
        let claims = CheckoutClaims(subject: Subject.subject, staleAfter: gatewayTimeout + .seconds(5))
        let deadline = ContinuousClock.now + gatewayTimeout + .seconds(2)
        while true {
            let step: Step<Subject> = try database.scoped(to: tenant).transaction { connection in
                guard let locked = try lock(connection) else { return .done(.settled(subject)) }
                guard locked.awaitsPayment else { return .done(.settled(locked)) }
                if let url = Self.reusableURL(of: locked, under: account) { return .done(.redirect(url)) }
                guard try claims.claim(locked, on: connection) else { return .wait }
                return .ask(locked, try request(locked, connection))
            }
            switch step {
            case .done(let outcome):
                return outcome
            case .ask(let locked, let checkoutRequest):
                return try ask(account, for: locked, checkoutRequest, tenant: tenant, claims: claims, record: record)
            case .wait:
                guard ContinuousClock.now < deadline else {
                    return .unavailable(.unavailable("another submit is still opening this checkout"))
                }
                Thread.sleep(
                    forTimeInterval: Double(pollInterval.components.attoseconds) / 1e18
                        + Double(pollInterval.components.seconds))
            }
        }
    }

    /// For a subject this submit has just committed, pending and already claimed (a new order): no page
    /// can exist for it yet and no other submit may ask for one, so it goes to the gateway without the
    /// locking transaction of `open`.
    func openClaimed<Subject: Payable>(
        _ subject: Subject, request: CheckoutRequest, for tenant: Tenant,
        record: (Checkout, PaymentGatewayAccount, Subject, PostgresConnection) throws -> Void
    ) throws -> Outcome<Subject> {
        let claims = CheckoutClaims(subject: Subject.subject, staleAfter: gatewayTimeout + .seconds(5))
        guard let account = try accounts.effectiveAccount(for: tenant) else {
            Log.error("tenant \(tenant.slug) has no usable payment gateway account: \(subject.paymentReference) cannot be paid")
            // Lifted, so the retry page's re-post does not wait out the claim.
            try database.scoped(to: tenant).transaction { connection in try claims.release(subject, on: connection) }
            return .unavailable(.misconfigured("no active payment gateway account"))
        }
        return try ask(account, for: subject, request, tenant: tenant, claims: claims, record: record)
    }

    /// The saved page, when the account that opened it is still the one in effect.
    static func reusableURL(of subject: some Payable, under account: PaymentGatewayAccount?) -> String? {
        guard let url = subject.checkoutURL, let account, subject.gatewayID == account.id else { return nil }
        return url
    }

    /// `reusableURL` for a page that shows the saved link (an order's status page).
    func reusableURL(of subject: some Payable, for tenant: Tenant) throws -> String? {
        Self.reusableURL(of: subject, under: try accounts.effectiveAccount(for: tenant))
    }

    /// Calls the gateway holding nothing, then records its page (or lifts the claim after a failure).
    private func ask<Subject: Payable>(
        _ account: PaymentGatewayAccount, for subject: Subject, _ request: CheckoutRequest, tenant: Tenant,
        claims: CheckoutClaims, record: (Checkout, PaymentGatewayAccount, Subject, PostgresConnection) throws -> Void
    ) throws -> Outcome<Subject> {
        let checkout: Checkout
        do throws(GatewayError) {
            checkout = try gateways.gateway(for: account).createCheckout(request)
        } catch {
            Log.warning("checkout for \(Subject.subject.rawValue) \(subject.paymentReference) failed: \(error)")
            try database.scoped(to: tenant).transaction { connection in try claims.release(subject, on: connection) }
            return .unavailable(error)
        }
        try database.scoped(to: tenant).transaction { connection in try record(checkout, account, subject, connection) }
        return .redirect(checkout.redirectURL)
    }
}
