import Foundation
import Postgres

/// `checkout_started_at` on orders and invoices: the mark a submit leaves while it asks the gateway,
/// so the row lock can be let go during the call and a second submit still does not ask twice. A mark
/// older than `staleAfter` was left by a submit that died mid-call and is taken over.
struct CheckoutClaims: Sendable {
    let subject: PaymentSubject
    let staleAfter: Duration

    /// Marks the subject (locked by the caller's transaction) as being opened, unless another submit's
    /// fresh mark is there. - Returns: whether this caller holds the claim now.
    func claim(_ payable: some Payable, on connection: PostgresConnection) throws -> Bool {
        let seconds = Int(staleAfter.components.seconds)
        switch subject {
        case .order:
            return try connection.query(
                """
                update voucher_orders set checkout_started_at = now()
                where tenant_id = $1 and id = $2
                    and (checkout_started_at is null or checkout_started_at < now() - make_interval(secs => $3))
                """, payable.tenantID, payable.id, seconds
            ).affectedRows == 1
        case .invoice:
            return try connection.query(
                """
                update invoices set checkout_started_at = now()
                where tenant_id = $1 and id = $2
                    and (checkout_started_at is null or checkout_started_at < now() - make_interval(secs => $3))
                """, payable.tenantID, payable.id, seconds
            ).affectedRows == 1
        }
    }

    /// Lifts the mark, after the page is recorded or the gateway failed. Enqueued: it goes out with the
    /// transaction's COMMIT (or next statement) rather than costing a round trip of its own.
    func release(_ payable: some Payable, on connection: PostgresConnection) throws {
        switch subject {
        case .order:
            try connection.enqueue(
                "update voucher_orders set checkout_started_at = null where tenant_id = $1 and id = $2",
                payable.tenantID, payable.id)
        case .invoice:
            try connection.enqueue(
                "update invoices set checkout_started_at = null where tenant_id = $1 and id = $2",
                payable.tenantID, payable.id)
        }
    }
}
