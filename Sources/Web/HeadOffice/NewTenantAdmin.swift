import Foundation
import Postgres

/// The first tenant admin of a tenant head office creates, so the ISP can sign in at `/admin` at once.
struct NewTenantAdmin: Sendable {
    let email: String
    let password: String

    /// Stored lower-case; the password hashed in SQL with the production bcrypt cost, like every admin's.
    func insert(for tenantID: UUID, on db: PostgresConnection) throws {
        try db.query(
            """
            insert into admins (tenant_id, email, password_hash, role)
            values ($1, lower($2), crypt($3, gen_salt('bf', $4)), 'tenant_admin')
            """, tenantID, email, password, PasswordHash.cost)
    }
}
