import Foundation
import Postgres

/// A session a router reported open (`radacct` without a stop), with the router it runs on.
struct RadiusSession: Sendable, Hashable {
    let id: Int64
    let username: String
    /// The router's Acct-Session-Id: what a Disconnect-Request names.
    let sessionID: String
    let routerID: Int?
    let routerName: String
    let startedAt: Date?
    let lastUpdate: Date?
    let address: String?
    let bytesIn: Int64
    let bytesOut: Int64

    init(row: PostgresRow) throws {
        id = try row.decode("radacctid", as: Int64.self)
        username = row.decode("username", as: String?.self) ?? ""
        sessionID = try row.decode("acctsessionid", as: String.self)
        routerID = row.decode("nas_id", as: Int?.self)
        routerName = row.decode("router_name", as: String?.self) ?? ""
        startedAt = row.decode("acctstarttime", as: Date?.self)
        lastUpdate = row.decode("last_update", as: Date?.self)
        address = row.decode("address", as: String?.self)
        bytesIn = row.decode("acctinputoctets", as: Int64?.self) ?? 0
        bytesOut = row.decode("acctoutputoctets", as: Int64?.self) ?? 0
    }
}

/// Open sessions of a tenant's routers, in its scope, and their closing.
struct RadiusSessionRepository: Sendable {
    let database: PostgresPool

    /// Who is online now, by router then by start; at most `limit` sessions.
    func open(for tenant: Tenant, limit: Int = 500) throws -> [RadiusSession] {
        try database.scoped(to: tenant).query(
            """
            select * from open_radius_sessions
            where tenant_id = $1
            order by router_name nulls last, acctstarttime desc limit $2
            """, tenant.id, limit
        ).map(RadiusSession.init(row:))
    }

    func openSession(id: Int64, for tenant: Tenant) throws -> RadiusSession? {
        try database.scoped(to: tenant).query(
            """
            select * from open_radius_sessions where tenant_id = $1 and radacctid = $2
            """, tenant.id, id
        ).first.map(RadiusSession.init(row:))
    }

    /// Closes a session the router acknowledged ending, with the audit row saying who ended it. The
    /// router's own Stop, if it comes, finds it closed and changes nothing.
    func close(_ session: RadiusSession, for tenant: Tenant, by actor: AuditActor, result: String) throws {
        try close(session, tenantID: tenant.id, by: actor, result: result)
    }

    func close(_ session: RadiusSession, tenantID: UUID, by actor: AuditActor, result: String) throws {
        try database.scoped(toTenantID: tenantID).transaction { db in
            try db.query(
                """
                update radacct set acctstoptime = now(), acctupdatetime = now(), acctterminatecause = 'Admin-Reset',
                    acctsessiontime = coalesce(extract(epoch from now() - acctstarttime)::bigint, acctsessiontime)
                where tenant_id = $1 and radacctid = $2 and acctstoptime is null
                """, tenantID, session.id)
            try record(session, result: result, tenantID: tenantID, actor: actor, on: db)
        }
    }

    /// A Disconnect the router refused or never answered: the session stays open, the attempt is audited.
    func recordAttempt(_ session: RadiusSession, for tenant: Tenant, by actor: AuditActor, result: String) throws {
        try recordAttempt(session, tenantID: tenant.id, by: actor, result: result)
    }

    func recordAttempt(_ session: RadiusSession, tenantID: UUID, by actor: AuditActor, result: String) throws {
        try database.scoped(toTenantID: tenantID).transaction { db in
            try record(session, result: result, tenantID: tenantID, actor: actor, on: db)
        }
    }

    private func record(
        _ session: RadiusSession, result: String, tenantID: UUID, actor: AuditActor, on db: PostgresConnection
    ) throws {
        try db.query(
            """
            select audit($1, $2, $7, 'session.disconnect', $3, jsonb_build_object('user', $4::text, 'router', $5::text),
                jsonb_build_object('result', $6::text))
            """, tenantID, actor.email, String(session.id), session.username, session.routerName, result,
            actor.clientAddress)
    }
}
