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
