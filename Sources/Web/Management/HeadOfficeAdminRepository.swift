import Foundation
import Postgres

/// Head-office admins. They belong to no tenant, so every query here is `unscoped`.
struct HeadOfficeAdminRepository: Sendable {
    let database: PostgresPool

    /// The head-office admin with this email (any case) and password; nil for an unknown email, a
    /// wrong password, or a tenant admin's credentials. bcrypt runs exactly once either way (against
    /// `PasswordHash.dummy` when no one matches), so the time taken does not say whether the account exists.
    func authenticate(email: String, password: String) throws -> HeadOfficeAdmin? {
        let rows = try database.unscoped.query(
            """
            with candidate as (
                select id, email, password_hash from admins
                where tenant_id is null and role = 'head_admin' and email = lower($1)
            )
            select c.id, c.email, crypt($2, coalesce(c.password_hash, $3)) = c.password_hash as password_matches
            from (select 1) as one left join candidate c on true
            """, email, password, PasswordHash.dummy)
        guard let row = rows.first, row.decode("password_matches", as: Bool?.self) == true else { return nil }
        return try HeadOfficeAdmin(row: row)
    }

    /// The head-office admin by id; nil for a tenant admin or none.
    func admin(id: UUID) throws -> HeadOfficeAdmin? {
        let rows = try database.unscoped.query(
            "select id, email from admins where tenant_id is null and role = 'head_admin' and id = $1", id)
        return try rows.first.map(HeadOfficeAdmin.init(row:))
    }
}
