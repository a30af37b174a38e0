import Foundation
import Postgres

/// One router per demo tenant, on loopback addresses of their own, so a FreeRADIUS started from
/// deploy/freeradius against the demo database answers the demo's codes and PPPoE accounts when a
/// request comes "from" a router (`radclient` with `Packet-Src-IP-Address`). The secrets are fixed and
/// printed by `make run` like the demo's passwords: a demo on loopback, never a deployment.
enum DemoRouters {
    struct Router {
        let tenantID: UUID
        let name: String
        let address: String
        let secret: String
        let kind: String
    }

    static func all(alpha: UUID, beta: UUID) -> [Router] {
        [
            Router(tenantID: alpha, name: "Alpha hotspot", address: "127.0.10.1", secret: "alpha-radius-demo", kind: "hotspot"),
            Router(tenantID: beta, name: "Beta hotspot", address: "127.0.10.2", secret: "beta-radius-demo", kind: "hotspot"),
        ]
    }

    static func insert(_ routers: [Router], on db: PostgresConnection) throws {
        for router in routers {
            try db.query(
                """
                insert into nas (tenant_id, shortname, identifier, nasname, secret, kind, type)
                values ($1, $2, $3, $4, $5, $6, 'other')
                """, router.tenantID, router.name, router.name.lowercased().replacingOccurrences(of: " ", with: "-"),
                router.address, router.secret, router.kind)
        }
    }
}
