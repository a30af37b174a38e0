import Foundation
import Postgres

/// A router's WireGuard tunnel to the platform: the address FreeRADIUS and Disconnect use while it
/// exists, the router's public key, and the address the admin typed, which comes back on removal.
struct RouterTunnel: Sendable, Hashable {
    /// One `[Peer]` of the server's file.
    struct Peer: Sendable, Hashable {
        let routerID: Int
        let address: String
        let publicKey: String
    }

    let routerID: Int
    let address: String
    let publicKey: String
    let ownAddress: String
    let createdAt: Date

    init(row: PostgresRow) throws {
        routerID = try row.decode("nas_id", as: Int.self)
        address = try row.decode("address", as: String.self)
        publicKey = try row.decode("public_key", as: String.self)
        ownAddress = try row.decode("own_address", as: String.self)
        createdAt = try row.decode("created_at", as: Date.self)
    }
}

struct RouterTunnelRepository: Sendable {
    let database: PostgresPool

    func tunnel(forRouter id: Int, for tenant: Tenant) throws -> RouterTunnel? {
        try database.scoped(to: tenant).query(
            """
            select nas_id, host(address) as address, public_key, own_address, created_at from router_tunnels
            where tenant_id = $1 and nas_id = $2
            """, tenant.id, id
        ).first.map(RouterTunnel.init(row:))
    }

    /// Every tenant's tunnels: the server has one interface for the whole platform.
    func allPeers() throws -> [RouterTunnel.Peer] {
        try database.unscoped.query(
            "select nas_id, host(address) as address, public_key from router_tunnels order by address"
        ).map { row in
            RouterTunnel.Peer(
                routerID: try row.decode("nas_id", as: Int.self), address: try row.decode("address", as: String.self),
                publicKey: try row.decode("public_key", as: String.self))
        }
    }
}
