import Foundation
import HTTP
import Postgres
import Templates

/// A posted "change your password" form (`PasswordChangeForm`), checked, and the change itself for
/// any admin (a tenant's, or head office's when `tenantID` is nil): the current password must be
/// right, the new one 10 to 200 characters and typed twice alike. bcrypt runs in SQL (pgcrypto).
struct PasswordChange: Sendable {
    typealias Field = PasswordChangeForm.Field
    static let lengths = 10...200

    let current: String
    let new: String
    /// Problems by field name; empty when the form may be tried.
    var errors: [String: String]

    init(_ form: URLEncodedForm, strings: Strings) {
        current = form[Field.currentPassword] ?? ""
        new = form[Field.newPassword] ?? ""
        var errors: [String: String] = [:]
        if current.isEmpty { errors[Field.currentPassword] = strings.errorCurrentPasswordWrong }
        if !Self.lengths.contains(new.count) {
            errors[Field.newPassword] = strings.errorNewPasswordLength
        } else if new != form[Field.newPasswordAgain] {
            errors[Field.newPasswordAgain] = strings.errorPasswordsDiffer
        }
        self.errors = errors
    }

    /// Replaces the admin's password when `current` is right, with an `audit_log` row that holds
    /// neither password. - Returns: false when `current` is wrong (then `errors` says so).
    mutating func apply(
        toAdmin adminID: UUID, tenantID: UUID?, database: PostgresPool, actor: AuditActor, strings: Strings
    ) throws -> Bool {
        let changed = try database.scopedOrUnscoped(tenantID: tenantID).transaction { db in
            let updated = try db.query(
                """
                with updated as (
                    update admins set password_hash = crypt($4, gen_salt('bf', $5))
                    where id = $1 and tenant_id is not distinct from $2::uuid and crypt($3, password_hash) = password_hash
                    returning id
                )
                select audit($2, $6, $7, 'admin.password', $6) from updated
                """, adminID, tenantID, current, new, PasswordHash.cost, actor.email, actor.clientAddress)
            return !updated.isEmpty
        }
        if !changed { errors[Field.currentPassword] = strings.errorCurrentPasswordWrong }
        return changed
    }
}
