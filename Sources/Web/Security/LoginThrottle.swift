import Foundation
import Postgres

/// Slows sign-in attempts after failures, with delays that grow (1 s, 2 s, 4 s …) up to a cap, and
/// never locks an account: PostgreSQL holds the state, so every instance and worker agrees.
///
/// Three subjects are throttled, each with its own allowance and cap (`Rule`):
/// - the account from one client address: an attacker's own address slows down quickly and far;
/// - the account from anywhere: a distributed attacker gets at most one guess every `account.cap`
///   seconds, a cap kept low so that the owner, from an address of their own, waits at most that long;
/// - the address whatever the account: one address spraying many accounts.
///
/// The account is what the visitor typed (normalised), so unknown accounts are throttled exactly like
/// real ones and the throttle reveals nothing. Subjects are per tenant (and per area): many
/// subscribers of one ISP share a carrier-grade NAT address, and one tenant's visitors must not slow
/// another's.
struct LoginThrottle: Sendable {
    let database: PostgresPool
    var pair = Rule(freeFailures: 3, cap: 60)
    var account = Rule(freeFailures: 10, cap: 2)
    var address = Rule(freeFailures: 10, cap: 60)
    /// A subject quiet this long starts again from no failures.
    var quietReset: Duration = .seconds(15 * 60)

    /// How one subject's failures turn into a wait before its next attempt.
    struct Rule: Sendable {
        /// Failures that cost no wait.
        var freeFailures: Int
        /// The longest wait, in seconds.
        var cap: Int

        /// Seconds to wait after the `failures`-th failure: none within the allowance, then 1, 2, 4 … up to `cap`.
        func delay(afterFailures failures: Int) -> Int {
            let beyond = failures - freeFailures
            guard beyond >= 0 else { return 0 }
            return beyond >= 30 ? cap : min(cap, 1 << beyond)
        }
    }

    /// Who is trying to sign in, and where.
    struct Attempt: Sendable {
        let tenantID: UUID?
        let kind: SessionKind
        let account: String
        let clientAddress: String

        init(tenantID: UUID?, kind: SessionKind, account: String, clientAddress: String) {
            self.tenantID = tenantID
            self.kind = kind
            self.account = String(account.lowercased().prefix(200))
            self.clientAddress = clientAddress.isEmpty ? "unknown" : String(clientAddress.prefix(100))
        }
    }

    /// Takes the decision for one attempt, atomically: nil when it may go ahead (and it is then counted
    /// as a failure until `succeeded` takes it back), or the whole seconds to wait, with nothing counted.
    func admit(_ attempt: Attempt) throws -> Int? {
        try database.scopedOrUnscoped(tenantID: attempt.tenantID).transaction { db in
            try db.query(
                """
                insert into login_throttle (tenant_id, kind, account_key, client_address)
                values ($1, $2, $3, $4), ($1, $2, $3, ''), ($1, $2, '', $4)
                on conflict do nothing
                """, attempt.tenantID, attempt.kind.rawValue, attempt.account, attempt.clientAddress)
            // One lock order for everyone (the address-only row first), so parallel attempts queue, never deadlock.
            let rows = try db.query(
                """
                select account_key, client_address, ceil(extract(epoch from next_allowed_at - now()))::integer as wait,
                    case when updated_at < now() - make_interval(secs => $5) then 0 else failures end as failures
                from login_throttle
                where tenant_id is not distinct from $1::uuid and kind = $2
                    and ((account_key = $3 and client_address in ($4, '')) or (account_key = '' and client_address = $4))
                order by account_key, client_address
                for update
                """, attempt.tenantID, attempt.kind.rawValue, attempt.account, attempt.clientAddress, seconds(quietReset))
            let wait = try rows.map { try $0.decode("wait", as: Int.self) }.max() ?? 0
            if wait > 0 { return wait }
            for row in rows {
                let accountKey = try row.decode("account_key", as: String.self)
                let clientAddress = try row.decode("client_address", as: String.self)
                let failures = try row.decode("failures", as: Int.self) + 1
                let rule = accountKey.isEmpty ? address : clientAddress.isEmpty ? account : pair
                try db.query(
                    """
                    update login_throttle
                    set failures = $5, next_allowed_at = now() + make_interval(secs => $6), updated_at = now()
                    where tenant_id is not distinct from $1::uuid and kind = $2 and account_key = $3 and client_address = $4
                    """, attempt.tenantID, attempt.kind.rawValue, accountKey, clientAddress, failures,
                    rule.delay(afterFailures: failures))
            }
            return nil
        }
    }

    /// The attempt signed in: its pair starts afresh, and the failure it was counted as is taken back
    /// from the account and the address (their waits stand: they may be an attacker's).
    func succeeded(_ attempt: Attempt) throws {
        try database.scopedOrUnscoped(tenantID: attempt.tenantID).transaction { db in
            try db.query(
                """
                delete from login_throttle
                where tenant_id is not distinct from $1::uuid and kind = $2 and account_key = $3 and client_address = $4
                """, attempt.tenantID, attempt.kind.rawValue, attempt.account, attempt.clientAddress)
            try db.query(
                """
                update login_throttle set failures = greatest(failures - 1, 0)
                where tenant_id is not distinct from $1::uuid and kind = $2
                    and ((account_key = $3 and client_address = '') or (account_key = '' and client_address = $4))
                """, attempt.tenantID, attempt.kind.rawValue, attempt.account, attempt.clientAddress)
        }
    }

    /// Drops subjects that have been quiet long enough to start afresh anyway, of every tenant; for a
    /// periodic sweep.
    func purge() throws {
        try database.unscoped.query(
            "delete from login_throttle where updated_at < now() - make_interval(secs => $1) and next_allowed_at < now()",
            seconds(quietReset))
    }

    private func seconds(_ duration: Duration) -> Int { Int(duration.components.seconds) }
}

/// A sign-in attempt that came before its wait was over: `ErrorResponder` answers 429 with
/// `Retry-After` and a page that says how long to wait. The password was not checked.
struct LoginThrottled: Error, Sendable {
    let retryAfterSeconds: Int
}
