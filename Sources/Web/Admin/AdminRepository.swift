import Foundation
import Postgres

/// Tenant admins, one tenant at a time: every method takes the tenant and scopes by it.
struct AdminRepository: Sendable {
    let database: PostgresPool

    /// The tenant's admin with this email (any case) and password; nil for an unknown email or a wrong
    /// password. bcrypt runs exactly once either way (against `PasswordHash.dummy` when no one matches),
    /// so the time taken does not say whether the account exists.
    func authenticate(email: String, password: String, for tenant: Tenant) throws -> TenantAdmin? {
        let rows = try database.scoped(to: tenant).query(
            """
            with candidate as (
                select id, tenant_id, email, password_hash from admins
                where tenant_id = $1 and role = 'tenant_admin' and email = lower($2)
            )
            select c.id, c.tenant_id, c.email, crypt($3, coalesce(c.password_hash, $4)) = c.password_hash as password_matches
            from (select 1) as one left join candidate c on true
            """, tenant.id, email, password, PasswordHash.dummy)
        guard let row = rows.first, row.decode("password_matches", as: Bool?.self) == true else { return nil }
        return try TenantAdmin(row: row)
    }

    /// The tenant's admin by id; nil for another tenant's, head office, or none.
    func admin(id: UUID, for tenant: Tenant) throws -> TenantAdmin? {
        let rows = try database.scoped(to: tenant).query(
            "select id, tenant_id, email from admins where tenant_id = $1 and id = $2 and role = 'tenant_admin'",
            tenant.id, id)
        return try rows.first.map(TenantAdmin.init(row:))
    }

}
