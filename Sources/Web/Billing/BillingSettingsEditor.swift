import Foundation
import Postgres
import Templates

/// Reads and saves a tenant's billing settings: its time zone (kept with the branding, which every
/// page's dates already follow, and edited only here) and its `tenant_billing_settings` row. One
/// transaction holds both changes and their one `audit_log` row; a save that changes nothing writes none.
struct BillingSettingsEditor: Sendable {
    typealias Field = AdminBillingView.Field

    let database: PostgresPool

    /// The form's values as stored.
    func current(for tenant: Tenant) throws -> [String: String] {
        guard
            let row = try database.scoped(to: tenant).query(
                """
                select b.time_zone, s.prorate_first_invoice, s.due_days, s.isolation_grace_days, s.reminder_days_before
                from tenant_billing_settings s join tenant_branding b on b.tenant_id = s.tenant_id
                where s.tenant_id = $1
                """, tenant.id
            ).first
        else { return [:] }
        var values = [
            Field.timeZone: try row.decode("time_zone", as: String.self),
            Field.dueDays: String(try row.decode("due_days", as: Int.self)),
            Field.graceDays: String(try row.decode("isolation_grace_days", as: Int.self)),
            Field.reminderDays: String(try row.decode("reminder_days_before", as: Int.self)),
        ]
        if try row.decode("prorate_first_invoice", as: Bool.self) { values[Field.prorate] = "on" }
        return values
    }

    /// - Parameter draft: a draft without errors.
    func save(_ draft: BillingSettingsDraft, for tenant: Tenant, by actor: AuditActor) throws {
        try database.scoped(to: tenant).transaction { db in
            let before = try Self.document(tenant, on: db)
            // Only a real change touches the branding: its trigger makes every instance drop the cached site.
            try db.query(
                "update tenant_branding set time_zone = $2, updated_at = now() where tenant_id = $1 and time_zone <> $2",
                tenant.id, draft.timeZone)
            try db.query(
                """
                update tenant_billing_settings set prorate_first_invoice = $2, due_days = $3, isolation_grace_days = $4,
                    reminder_days_before = $5, updated_at = now()
                where tenant_id = $1
                """, tenant.id, draft.prorateFirstInvoice, draft.dueDays, draft.isolationGraceDays,
                draft.reminderDaysBefore)
            let after = try Self.document(tenant, on: db)
            guard after != before else { return }
            try db.query(
                """
                select audit($1, $2, $3, 'billing.update', 'tenant_billing_settings', $4::jsonb, $5::jsonb)
                """, tenant.id, actor.email, actor.clientAddress, before, after)
        }
    }

    /// The settings as one JSON document: the audit row's before and after.
    private static func document(_ tenant: Tenant, on db: PostgresConnection) throws -> String? {
        try db.query(
            """
            select jsonb_build_object('time_zone', b.time_zone, 'prorate_first_invoice', s.prorate_first_invoice,
                'due_days', s.due_days, 'isolation_grace_days', s.isolation_grace_days,
                'reminder_days_before', s.reminder_days_before)::text as doc
            from tenant_billing_settings s join tenant_branding b on b.tenant_id = s.tenant_id
            where s.tenant_id = $1
            """, tenant.id
        ).first?.decode("doc", as: String.self)
    }
}
