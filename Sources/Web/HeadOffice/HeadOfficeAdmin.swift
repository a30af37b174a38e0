import Foundation
import Postgres

/// A member of Gerbang's own staff: one row of `admins` without a tenant, role `head_admin`.
struct HeadOfficeAdmin: Sendable, Equatable {
    let id: UUID
    let email: String

    init(row: PostgresRow) throws {
        id = try row.decode("id", as: UUID.self)
        email = try row.decode("email", as: String.self)
    }
}
