import Foundation
import Postgres

/// Writes security events (`security_events`): what happened, to which tenant when known, from which
/// client address, when. A row the tenant owns is written in that tenant's scope; events before any
/// tenant is known (head office, an unknown webhook reference) go through the explicitly unscoped path.
///
/// Auditing never decides a request: a failed write is logged and the request goes on.
struct SecurityAudit: Sendable {
    let database: PostgresPool

    func record(_ event: SecurityEvent, tenantID: UUID?, clientAddress: String, detail: String = "") {
        let address = String(clientAddress.prefix(100))
        let detail = String(String.UnicodeScalarView(detail.unicodeScalars.prefix(500)))
        do {
            if let tenantID {
                try database.scoped(toTenantID: tenantID).query(
                    """
                    insert into security_events (tenant_id, kind, client_address, detail)
                    values ($1, $2, $3, $4)
                    """, tenantID, event.rawValue, address, detail)
            } else {
                try database.unscoped.query(
                    "insert into security_events (kind, client_address, detail) values ($1, $2, $3)",
                    event.rawValue, address, detail)
            }
        } catch {
            Log.warning("security event \(event.rawValue) not recorded: \(error)")
        }
    }
}

/// Kinds of security event worth a row in `security_events` (one value per `kind` the table allows).
enum SecurityEvent: String, Sendable, Hashable, CaseIterable {
    /// A wrong password or unknown account, in any area (portal, tenant admin, head office).
    case loginFailed = "login_failed"
    /// A login refused because the account or address is throttled.
    case loginLocked = "login_locked"
    /// A webhook delivery not believed: bad signature, unknown reference, inconsistent amount …
    case webhookRejected = "webhook_rejected"
    /// The first refusal of a rate-limit episode (not one row per refused request).
    case rateLimited = "rate_limited"
}

extension LoginThrottle.Attempt {
    /// How a login event reads in `security_events.detail`: the area and the account typed (never the password).
    var summary: String { "\(kind.rawValue) \(account)" }
}
