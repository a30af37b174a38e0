import Foundation
import Postgres

/// Subscribers of one tenant at a time: every method takes the tenant and scopes by it.
struct SubscriberRepository: Sendable {
    let database: PostgresPool

    /// The subscriber whose customer number (any case) or PPPoE user name (any case) is `login` and whose
    /// password is `password`; nil for an unknown login, a wrong password or a terminated subscriber.
    ///
    /// bcrypt runs exactly once whatever the outcome (against `PasswordHash.dummy` when no one matches),
    /// so the time taken does not say whether the account exists.
    func authenticate(login: String, password: String, for tenant: Tenant) throws -> Subscriber? {
        let rows = try database.scoped(to: tenant).query(
            """
            with candidate as (
                select * from subscribers_with_plan
                where tenant_id = $1 and status <> 'terminated'
                    and (customer_number = upper($2) or pppoe_username = lower($2))
                order by customer_number = upper($2) desc
                limit 1
            )
            select c.*, crypt($3, coalesce(c.password_hash, $4)) = c.password_hash as password_matches
            from (select 1) as one left join candidate c on true
            """, tenant.id, login, password, PasswordHash.dummy)
        guard let row = rows.first, row.decode("password_matches", as: Bool?.self) == true else { return nil }
        return try Subscriber(row: row)
    }

    /// The tenant's subscriber by id, whatever its status; nil for another tenant's or none.
    func subscriber(id: UUID, for tenant: Tenant) throws -> Subscriber? {
        let rows = try database.scoped(to: tenant).query(
            "select * from subscribers_with_plan where tenant_id = $1 and id = $2", tenant.id, id)
        return try rows.first.map(Subscriber.init(row:))
    }
}
