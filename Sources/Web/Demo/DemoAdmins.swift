import Foundation
import Postgres

/// The demo tenants' admins, printed by `make run` and listed in the README.
enum DemoAdmins {
    static let password = "admin123"

    static func all(alpha: UUID, beta: UUID) -> [(tenantID: UUID, email: String)] {
        [(alpha, "admin@alpha-net.test"), (beta, "admin@beta-wifi.test")]
    }

    /// The password is hashed in SQL with the production cost, like every admin's.
    static func insert(_ admins: [(tenantID: UUID, email: String)], on db: PostgresConnection) throws {
        for admin in admins {
            try db.query(
                """
                insert into admins (tenant_id, email, password_hash, role)
                values ($1, lower($2), crypt($3, gen_salt('bf', $4)), 'tenant_admin')
                """, admin.tenantID, admin.email, password, PasswordHash.cost)
        }
    }
}
