import Foundation
import Postgres

/// A tenant's router as FreeRADIUS knows it (a `nas` row): the address its packets come from, the
/// shared secret, and where it takes Disconnect/CoA requests.
struct RadiusRouter: Sendable, Hashable {
    enum Kind: String, Sendable, CaseIterable {
        case hotspot, pppoe
    }

    let id: Int
    let name: String
    let identifier: String
    /// IPv4, canonical (`203.0.113.7`): FreeRADIUS compares it as text with the packet's source.
    let address: String
    let secret: String
    let kind: Kind
    let coaPort: Int

    init(row: PostgresRow) throws {
        id = try row.decode("id", as: Int.self)
        name = try row.decode("shortname", as: String.self)
        identifier = try row.decode("identifier", as: String.self)
        address = try row.decode("nasname", as: String.self)
        secret = try row.decode("secret", as: String.self)
        kind = Kind(rawValue: try row.decode("kind", as: String.self)) ?? .hotspot
        coaPort = try row.decode("coa_port", as: Int.self)
    }
}

/// Reads a tenant's routers, in its scope.
struct RadiusRouterRepository: Sendable {
    let database: PostgresPool

    func all(for tenant: Tenant) throws -> [RadiusRouter] {
        try database.scoped(to: tenant).query(
            """
            select id, shortname, identifier, nasname, secret, kind, coa_port from nas
            where tenant_id = $1 order by shortname, id
            """, tenant.id
        ).map(RadiusRouter.init(row:))
    }

    func router(id: Int, for tenant: Tenant) throws -> RadiusRouter? {
        try database.scoped(to: tenant).query(
            """
            select id, shortname, identifier, nasname, secret, kind, coa_port from nas
            where tenant_id = $1 and id = $2
            """, tenant.id, id
        ).first.map(RadiusRouter.init(row:))
    }
}

extension RadiusRouterRepository {
    /// Open sessions per router id, from `radacct` (a session is open until its Stop, or until the
    /// stale-session sweep closes it).
    func onlineCounts(for tenant: Tenant) throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try database.scoped(to: tenant).query(
            """
            select nas_id, count(*) as online from radacct
            where tenant_id = $1 and acctstoptime is null and nas_id is not null group by nas_id
            """, tenant.id)
        {
            counts[try row.decode("nas_id", as: Int.self)] = try row.decode("online", as: Int.self)
        }
        return counts
    }
}
