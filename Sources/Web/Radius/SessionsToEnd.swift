import Foundation
import Postgres

/// A subscriber's live sessions to end once a change to its RADIUS group is committed (isolation, or
/// restoration after payment): a router applies a group only when the user logs in again, so the
/// session is disconnected and the PPPoE client reconnects into the new group at once.
///
/// Read inside the transaction that moves the group, sent after it commits: no pooled connection or
/// row lock is held while `radclient` waits for a router. A router that refuses or does not answer is
/// logged and audited, never an error: the group has changed, and applies at the next login anyway.
struct SessionsToEnd: Sendable {
    struct Target: Sendable {
        let tenantID: UUID
        let session: RadiusSession
        let router: RadiusRouter
    }

    var targets: [Target] = []

    static let none = SessionsToEnd()

    /// The user's open sessions (no Stop yet) on a router of its tenant, inside the caller's transaction.
    /// A session whose router is no longer registered cannot be reached and is left to its Stop.
    static func openSessions(of username: String, tenantID: UUID, on db: PostgresConnection) throws -> SessionsToEnd {
        let rows = try db.query(
            """
            select s.*, n.id, n.shortname, n.identifier, n.nasname, n.secret, n.kind, n.coa_port
            from open_radius_sessions s join nas n on n.id = s.nas_id and n.tenant_id = s.tenant_id
            where s.tenant_id = $1 and s.username = $2
            order by s.radacctid
            """, tenantID, username)
        return SessionsToEnd(
            targets: try rows.map {
                Target(tenantID: tenantID, session: try RadiusSession(row: $0), router: try RadiusRouter(row: $0))
            })
    }

    static func + (lhs: SessionsToEnd, rhs: SessionsToEnd) -> SessionsToEnd {
        SessionsToEnd(targets: lhs.targets + rhs.targets)
    }

    /// Sends a Disconnect-Request for each session, one after another, and records each answer as the
    /// admin's Disconnect button does (closed when acknowledged), in Gerbang's name.
    /// - Returns: each router's answer, in order.
    @discardableResult
    func send(with disconnector: RadiusDisconnector, database: PostgresPool) -> [RadiusDisconnector.Outcome] {
        let sessions = RadiusSessionRepository(database: database)
        return targets.map { target in
            let outcome = disconnector.disconnect(target.session, on: target.router)
            do {
                if outcome == .acknowledged {
                    try sessions.close(target.session, tenantID: target.tenantID, by: .system, result: outcome.rawValue)
                } else {
                    Log.warning(
                        "router \(target.router.name) answered \(outcome.rawValue) to disconnecting \(target.session.username); "
                            + "the new RADIUS group applies at its next login")
                    try sessions.recordAttempt(target.session, tenantID: target.tenantID, by: .system, result: outcome.rawValue)
                }
            } catch {
                Log.warning("could not record disconnecting \(target.session.username): \(error)")
            }
            return outcome
        }
    }
}
