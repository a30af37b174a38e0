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

extension HeadOfficeAdminRepository {
    /// Passwords head office may choose: long enough to resist guessing at the throttle's pace, short
    /// enough that bcrypt (which reads 72 bytes) is not handed a whole document.
    static let passwordLengths = 10...200

    /// Adds a head-office admin, its password hashed in SQL with the production bcrypt cost, and the
    /// `audit_log` row saying who added it. - Returns: false when the email is taken.
    func create(email: String, password: String, by actor: AuditActor) throws -> Bool {
        try database.unscoped.transaction { db in
            let created = try db.query(
                """
                with created as (
                    insert into admins (tenant_id, email, password_hash, role)
                    values (null, lower($1), crypt($2, gen_salt('bf', $3)), 'head_admin')
                    on conflict do nothing
                    returning email
                )
                select audit(null, $4, $5, 'head_admin.create', email, after => jsonb_build_object('email', email))
                from created
                """, email, password, PasswordHash.cost, actor.email, actor.clientAddress)
            return !created.isEmpty
        }
    }

    /// Every head-office admin, by email.
    func all() throws -> [HeadOfficeAdmin] {
        try database.unscoped.query(
            "select id, email from admins where tenant_id is null and role = 'head_admin' order by email"
        ).map(HeadOfficeAdmin.init(row:))
    }
}

extension HeadOfficeAdminRepository {
    enum Removal: Sendable, Equatable {
        case removed, notFound, yourself, last
    }

    /// Removes the head-office admin with `email` and ends its sessions, audited; never the one asking
    /// and never the last one. Every head-office row is locked first, so two admins removing each other
    /// at once cannot leave none.
    func remove(email: String, by remover: HeadOfficeAdmin, actor: AuditActor) throws -> Removal {
        try database.unscoped.transaction { db in
            let all = try db.query(
                "select id, email from admins where tenant_id is null and role = 'head_admin' order by id for update"
            ).map(HeadOfficeAdmin.init(row:))
            guard let target = all.first(where: { $0.email == email.lowercased() }) else { return .notFound }
            if target.id == remover.id { return .yourself }
            if all.count <= 1 { return .last }
            try db.query("delete from sessions where kind = 'head_admin' and principal_id = $1", target.id)
            try db.query("delete from admins where id = $1", target.id)
            try db.query(
                """
                select audit(null, $1, $3, 'head_admin.remove', $2, jsonb_build_object('email', $2::text))
                """, actor.email, target.email, actor.clientAddress)
            return .removed
        }
    }
}
