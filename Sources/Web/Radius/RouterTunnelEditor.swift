import Foundation
import Postgres

/// Gives a router a WireGuard tunnel and takes it away, each in one tenant-scoped transaction with its
/// `audit_log` row, then rewrites the server's peers file. While the tunnel exists the router's `nas`
/// address is its tunnel address, so FreeRADIUS (which matches a request's source) and Disconnect (which
/// sends to the router's address) both go through the tunnel.
struct RouterTunnelEditor: Sendable {
    enum Outcome: Sendable, Equatable {
        /// The private key is in no database: it is shown once, with the commands to paste.
        case given(RouterTunnel, privateKey: String)
        case removed
        case notFound
        case alreadyHasTunnel
        /// Every address of `WIREGUARD_NETWORK` has a router.
        case poolExhausted
        /// The free tunnel address is some other router's own address (typed inside the tunnel network).
        case tunnelAddressTaken
        /// The address the router had before its tunnel is now another router's.
        case addressTaken
    }

    let database: PostgresPool
    let server: WireGuardServer

    func give(toRouter id: Int, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        // Made before the transaction: no connection is held while `wg` runs.
        let keys = try WireGuardTool.generateKeyPair()
        let outcome: Outcome = try mappingConflicts(to: .tunnelAddressTaken) {
            try database.scoped(to: tenant).transaction { db in
                let router = try db.query(
                    """
                    select n.id, t.nas_id as tunnel from nas n left join router_tunnels t on t.nas_id = n.id
                    where n.tenant_id = $1 and n.id = $2 for update of n
                    """, tenant.id, id)
                guard let found = router.first else { return .notFound }
                if found.decode("tunnel", as: Int?.self) != nil { return .alreadyHasTunnel }
                let free = try db.query(
                    "select host(gerbang_free_tunnel_address($1::cidr)) as address", server.settings.networkText)
                guard let address = free.first?.decode("address", as: String?.self) else { return .poolExhausted }
                let given = try db.query(
                    """
                    with tunnel as (
                        insert into router_tunnels (nas_id, tenant_id, address, public_key, own_address)
                        select id, tenant_id, $3::inet, $4, nasname from nas where tenant_id = $1 and id = $2
                        returning nas_id, host(address) as address, public_key, own_address, created_at
                    ), moved as (
                        update nas n set nasname = tunnel.address, updated_at = now() from tunnel
                        where n.tenant_id = $1 and n.id = tunnel.nas_id
                    )
                    select tunnel.*, audit($1, $5, $6, 'router.tunnel.create', $2::text,
                        jsonb_build_object('address', own_address),
                        jsonb_build_object('address', address, 'public_key', public_key))
                    from tunnel
                    """, tenant.id, id, address, keys.publicKey, actor.email, actor.clientAddress)
                guard let row = given.first else { return .notFound }
                return .given(try RouterTunnel(row: row), privateKey: keys.privateKey)
            }
        }
        if case .given = outcome { rewritePeersFile() }
        return outcome
    }

    /// The router goes back to the address it had before its tunnel.
    func remove(fromRouter id: Int, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        let outcome: Outcome = try mappingConflicts(to: .addressTaken) {
            try database.scoped(to: tenant).transaction { db in
                let removed = try db.query(
                    """
                    with gone as (
                        delete from router_tunnels where tenant_id = $1 and nas_id = $2
                        returning nas_id, host(address) as address, public_key, own_address
                    ), moved as (
                        update nas n set nasname = gone.own_address, updated_at = now() from gone
                        where n.tenant_id = $1 and n.id = gone.nas_id
                    )
                    select audit($1, $3, $4, 'router.tunnel.delete', $2::text,
                        jsonb_build_object('address', address, 'public_key', public_key),
                        jsonb_build_object('address', own_address))
                    from gone
                    """, tenant.id, id, actor.email, actor.clientAddress)
                return removed.isEmpty ? .notFound : .removed
            }
        }
        if outcome == .removed { rewritePeersFile() }
        return outcome
    }

    /// Also after a tunnelled router is deleted (its tunnel goes with it). The change is committed by now: a file that cannot be written is the operator's to fix (the log
    /// says so, and every start rewrites it), not a failed request for the admin.
    func rewritePeersFile() {
        do {
            try server.writePeersFile(database: database)
        } catch {
            Log.warning("WireGuard peers file not rewritten: \(error)")
        }
    }

    private func mappingConflicts(to taken: Outcome, _ body: () throws -> Outcome) throws -> Outcome {
        do {
            return try body()
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == "nas_address" {
            return taken
        }
    }
}
