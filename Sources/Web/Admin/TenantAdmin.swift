import Foundation
import Postgres

/// A member of an ISP's staff who runs its site: one row of `admins` with a tenant.
struct TenantAdmin: Sendable, Equatable {
    let id: UUID
    let tenantID: UUID
    let email: String

    init(row: PostgresRow) throws {
        id = try row.decode("id", as: UUID.self)
        tenantID = try row.decode("tenant_id", as: UUID.self)
        email = try row.decode("email", as: String.self)
    }
}
