import Foundation
import Postgres

/// Reads, adds, edits and deletes a tenant's expenses, each change in one tenant-scoped transaction
/// with its `audit_log` row (before and after as the admin saw them).
struct ExpenseEditor: Sendable {
    let database: PostgresPool

    /// - Returns: nil for another tenant's or an unknown expense.
    func expense(_ id: UUID, for tenant: Tenant) throws -> Expense? {
        try database.scoped(to: tenant).query(
            "select id, spent_on::text as spent_on, category, amount, note from expenses where tenant_id = $1 and id = $2",
            tenant.id, id
        ).first.map { row in
            Expense(
                id: try row.decode("id", as: UUID.self), date: try row.decode("spent_on", as: String.self),
                category: try row.decode("category", as: String.self), amount: try row.decode("amount", as: Int64.self),
                note: try row.decode("note", as: String.self))
        }
    }

    /// - Parameter draft: a draft without errors.
    func create(_ draft: ExpenseDraft, for tenant: Tenant, by actor: AuditActor) throws {
        try database.scoped(to: tenant).query(
            """
            with created as (
                insert into expenses as e (tenant_id, spent_on, category, amount, note)
                values ($1, $2::date, $3, $4, $5)
                returning e.id, audit_document(e) as doc
            )
            select audit($1, $6, $7, 'expense.create', id::text, null, doc) from created
            """, tenant.id, draft.date, draft.category, draft.amount, draft.note, actor.email, actor.clientAddress)
    }

    /// - Returns: false for another tenant's or an unknown expense.
    func update(_ id: UUID, with draft: ExpenseDraft, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        // One statement: its `old` reads the row as it was before `changed` rewrote it.
        let changed = try database.scoped(to: tenant).query(
            """
            with old as (
                select audit_document(e) as doc from expenses e where tenant_id = $1 and id = $2
            ), changed as (
                update expenses e set spent_on = $3::date, category = $4, amount = $5, note = $6, updated_at = now()
                where tenant_id = $1 and id = $2
                returning audit_document(e) as doc
            )
            select case when old.doc is distinct from changed.doc
                then audit($1, $7, $8, 'expense.update', $2::text, old.doc, changed.doc) end
            from old, changed
            """, tenant.id, id, draft.date, draft.category, draft.amount, draft.note, actor.email,
            actor.clientAddress)
        return !changed.isEmpty
    }

    /// - Returns: false for another tenant's or an unknown expense.
    func delete(_ id: UUID, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        let deleted = try database.scoped(to: tenant).query(
            """
            with gone as (
                delete from expenses e where tenant_id = $1 and id = $2
                returning audit_document(e) as doc
            )
            select audit($1, $3, $4, 'expense.delete', $2::text, doc) from gone
            """, tenant.id, id, actor.email, actor.clientAddress)
        return !deleted.isEmpty
    }
}
