import Foundation
import Postgres

/// The demo's head-office admin, printed by `make run` and listed in the README.
enum DemoHeadOffice {
    static let email = "ops@gerbang.test"
    static let password = "admin123"

    /// The password is hashed in SQL with the production cost, like every admin's.
    static func insert(on db: PostgresConnection) throws {
        try db.query(
            """
            insert into admins (tenant_id, email, password_hash, role)
            values (null, lower($1), crypt($2, gen_salt('bf', $3)), 'head_admin')
            """, email, password, PasswordHash.cost)
    }
}
