import Foundation
import Postgres

/// Counts failed logins in PostgreSQL, so every instance behind the load balancer agrees: after
/// `limit` failures for one account, or from one client address, within `window`, logins are
/// refused until the failures age out of the window.
///
/// The account is what the visitor typed (normalised), so unknown accounts are throttled exactly like
/// real ones and the throttle reveals nothing. Addresses are counted per tenant: many subscribers of
/// one ISP share a carrier-grade NAT address, and one tenant's visitors must not lock out another's.
/// Attempts refused while throttled are not recorded, so hammering does not extend the wait.
struct LoginThrottle: Sendable {
    let database: PostgresPool
    var limit = 5
    var window: Duration = .seconds(15 * 60)

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
            self.clientAddress = clientAddress
        }
    }

    /// Whole seconds until a login may be tried again, or nil when it may be tried now: the time until
    /// the failure that completes the limit (the oldest, when there are exactly `limit`) leaves the window.
    func retryAfter(_ attempt: Attempt) throws -> Int? {
        let rows = try database.scopedOrUnscoped(tenantID: attempt.tenantID).query(
            """
            select ceil(greatest(
                (select extract(epoch from at + make_interval(secs => $5) - now()) from login_attempts
                 where tenant_id is not distinct from $1::uuid and kind = $2 and account_key = $3 and not succeeded
                   and at > now() - make_interval(secs => $5)
                 order by at desc offset $6 limit 1),
                (select extract(epoch from at + make_interval(secs => $5) - now()) from login_attempts
                 where tenant_id is not distinct from $1::uuid and kind = $2 and client_address = $4 and not succeeded
                   and at > now() - make_interval(secs => $5)
                 order by at desc offset $6 limit 1)
            )) as wait
            """,
            attempt.tenantID, attempt.kind.rawValue, attempt.account, attempt.clientAddress, windowSeconds, limit - 1)
        guard let wait = rows.first?.decode("wait", as: Int?.self) else { return nil }
        return max(1, wait)
    }

    func record(_ attempt: Attempt, succeeded: Bool) throws {
        try database.scopedOrUnscoped(tenantID: attempt.tenantID).query(
            """
            insert into login_attempts (tenant_id, kind, account_key, client_address, succeeded)
            values ($1, $2, $3, $4, $5)
            """, attempt.tenantID, attempt.kind.rawValue, attempt.account, attempt.clientAddress, succeeded)
    }

    /// Drops attempts older than any window looks at, of every tenant; for a periodic sweep.
    func purge() throws {
        try database.unscoped.query("delete from login_attempts where at < now() - make_interval(secs => $1)", windowSeconds * 2)
    }

    private var windowSeconds: Int { Int(window.components.seconds) }
}
