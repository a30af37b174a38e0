import Foundation
import Postgres
import Templates
import TestSupport
import Testing

@testable import Web

/// `audit(…)`, the one writer of the audit log, as the editors call it: a change and its entry are
/// written by one statement, a change that changes nothing writes no entry, and the writer obeys the
/// caller's row-level security, so a tenant's statement cannot write another tenant's entries.
@Suite struct AuditWriterTests {
    let app = RowLevelSecurityFixtures.app
    let actor = AuditActor(email: "owner@audit.test", clientAddress: "192.0.2.7")
    let tenant: Tenant

    init() throws {
        let (id, slug) = try TestDatabase.createTenant()
        tenant = Tenant(id: id, slug: slug, name: "Test ISP", tier: .starter, usesCustomPaymentGateway: false)
    }

    private func draft(amount: String, note: String = "uplink") -> ExpenseDraft {
        ExpenseDraft(
            form: ["spent_on": "2031-03-04", "category": "bandwidth", "amount": amount, "note": note],
            strings: Language.en.financeStrings)
    }

    /// Every entry of the tenant's, oldest first, as `action actor ip before.amount→after.amount`.
    private func entries(of tenantID: UUID) throws -> [String] {
        try TestDatabase.owner.query(
            """
            select action || ' ' || actor || ' ' || ip || ' ' || coalesce(before->>'amount', '-') || '→'
                || coalesce(after->>'amount', '-') as line
            from audit_log where tenant_id = $1 order by id
            """, tenantID
        ).map { try $0.decode("line", as: String.self) }
    }

    private func expenseIDs() throws -> [UUID] {
        try TestDatabase.owner.query("select id from expenses where tenant_id = $1", tenant.id)
            .map { try $0.decode("id", as: UUID.self) }
    }

    @Test func eachChangeWritesItsOneEntryAndANoOpWritesNone() throws {
        let editor = ExpenseEditor(database: app)
        try editor.create(draft(amount: "150000"), for: tenant, by: actor)
        let id = try #require(try expenseIDs().first)
        #expect(try entries(of: tenant.id) == ["expense.create owner@audit.test 192.0.2.7 -→150000"])

        #expect(try editor.update(id, with: draft(amount: "175000"), for: tenant, by: actor))
        #expect(try editor.update(id, with: draft(amount: "175000"), for: tenant, by: actor), "saving it unchanged")
        #expect(try !editor.update(UUID(), with: draft(amount: "1"), for: tenant, by: actor), "an unknown expense")
        #expect(try editor.delete(id, for: tenant, by: actor))
        #expect(try !editor.delete(id, for: tenant, by: actor), "already gone")

        #expect(
            try entries(of: tenant.id) == [
                "expense.create owner@audit.test 192.0.2.7 -→150000",
                "expense.update owner@audit.test 192.0.2.7 150000→175000",
                "expense.delete owner@audit.test 192.0.2.7 175000→-",
            ])
        #expect(try expenseIDs().isEmpty)
    }

    @Test func aSwitchToTheStateAlreadyHeldFindsTheRowAndWritesNoEntry() throws {
        let registry = TenantRegistry(database: app)
        #expect(try registry.setActive(true, slug: tenant.slug, by: actor), "already active: found, unchanged")
        #expect(try entries(of: tenant.id).isEmpty)
        #expect(try registry.setActive(false, slug: tenant.slug, by: actor))
        #expect(try !registry.setActive(true, slug: "no-such-\(UUID().uuidString.prefix(8).lowercased())", by: actor))
        #expect(try entries(of: tenant.id) == ["tenant.deactivate owner@audit.test 192.0.2.7 -→-"])
    }

    @Test func theWriterRunsUnderTheCallersScopeAndAChangeFailsWithItsEntry() throws {
        let (otherID, _) = try TestDatabase.createTenant()
        let scope = app.scoped(to: tenant)
        let intoAnotherTenant = #expect(throws: PostgresError.self) {
            try scope.query("select audit($1, 'x@audit.test', '', 'rls.test', 'elsewhere')", otherID)
        }
        #expect(intoAnotherTenant?.sqlState == "42501", "WITH CHECK refuses another tenant's entry")
        let intoHeadOffice = #expect(throws: PostgresError.self) {
            try scope.query("select audit(null, 'x@audit.test', '', 'rls.test', 'head office')")
        }
        #expect(intoHeadOffice?.sqlState == "42501", "nor head office's")

        // One statement: the entry refused, the change it audits is not kept either.
        try ExpenseEditor(database: app).create(draft(amount: "90000"), for: tenant, by: actor)
        let id = try #require(try expenseIDs().first)
        #expect(throws: PostgresError.self) {
            try scope.query(
                """
                with changed as (update expenses set amount = 1 where tenant_id = $1 and id = $2 returning id)
                select audit($3, 'x@audit.test', '', 'expense.update', id::text) from changed
                """, tenant.id, id, otherID)
        }
        let amount = try TestDatabase.owner.query("select amount from expenses where id = $1", id)
        #expect(try amount.first?.decode("amount", as: Int64.self) == 90000)
        #expect(try entries(of: otherID).isEmpty)
        #expect(try entries(of: tenant.id) == ["expense.create owner@audit.test 192.0.2.7 -→90000"])
    }
}
