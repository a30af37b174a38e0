import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// PostgreSQL's row-level security as the server's own role meets it: whatever a statement forgets to
/// filter, a tenant's scope sees and writes only that tenant's rows, no scope sees none, and the role
/// can neither own a table nor bypass the policies. Also FreeRADIUS's role, which reads its tables
/// across tenants and nothing else.
@Suite struct RowLevelSecurityTests {
    typealias F = RowLevelSecurityFixtures

    @Test func aStatementWithoutATenantFilterSeesOnlyTheScopedTenantsRows() throws {
        let a = try F.tenantWithRows()
        let b = try F.tenantWithRows()
        for read in F.unfilteredReads {
            let seen = try F.tenantIDs(F.app.scoped(toTenantID: a.id).query(read.sql))
            #expect(seen == [a.id], "\(read.table) from tenant A's scope showed \(seen.count) tenant(s)")
            #expect(!seen.contains(b.id), "\(read.table) leaked tenant B's rows into tenant A's scope")
        }
    }

    @Test func theCrossTenantScopeSeesEveryTenantsRows() throws {
        let a = try F.tenantWithRows()
        let b = try F.tenantWithRows()
        for read in F.unfilteredReads {
            let seen = try F.tenantIDs(F.app.unscoped.query(read.sql))
            #expect(seen.isSuperset(of: [a.id, b.id]), "\(read.table) across tenants missed a tenant")
        }
    }

    @Test func withNoScopeTheServersRoleSeesNoTenantRows() throws {
        _ = try F.tenantWithRows()
        for read in F.unfilteredReads {
            // Outside any transaction, and inside one that sets nothing: both see nothing.
            #expect(try F.app.query(read.sql).isEmpty, "\(read.table) showed rows with no tenant set")
            #expect(try F.app.transaction { db in try db.query(read.sql) }.isEmpty, "\(read.table) in a bare transaction")
        }
        let owner = try TestDatabase.owner.query("select count(*) as n from voucher_orders").first!.decode("n", as: Int.self)
        #expect(owner > 0, "the owner sees the orders the app role could not")
    }

    @Test func aTenantScopeCannotWriteAnotherTenantsRows() throws {
        let a = try F.tenantWithRows()
        let b = try F.tenantWithRows()
        let insert = #expect(throws: PostgresError.self) {
            try F.app.scoped(toTenantID: a.id).query(
                "insert into content_pages (tenant_id, slug, locale, title, markdown) values ($1, 'faq', 'en', 'Hijacked', 'x')",
                b.id)
        }
        #expect(insert?.sqlState == "42501", "WITH CHECK refuses the row: \(String(describing: insert))")

        let updated = try F.app.scoped(toTenantID: a.id).query(
            "update voucher_orders set buyer_name = 'hijacked' where order_number = $1", b.orderNumber)
        let deleted = try F.app.scoped(toTenantID: a.id).query(
            "delete from content_pages where tenant_id = $1", b.id)
        let moved = #expect(throws: PostgresError.self) {
            try F.app.scoped(toTenantID: a.id).query(
                "update subscribers set tenant_id = $2 where customer_number = $1 and tenant_id = $3", a.customerNumber,
                b.id, a.id)
        }
        #expect(updated.affectedRows == 0 && deleted.affectedRows == 0)
        #expect(moved?.sqlState == "42501", "a row cannot be handed to another tenant")
        let names = try TestDatabase.owner.query(
            "select buyer_name from voucher_orders where order_number = $1", b.orderNumber)
        #expect(try names.first!.decode("buyer_name", as: String.self) != "hijacked")
        #expect(try !TestDatabase.owner.query("select 1 from content_pages where tenant_id = $1", b.id).isEmpty)
    }

    @Test func withNoScopeTheServersRoleCannotInsertATenantRow() throws {
        let a = try F.tenantWithRows()
        let error = #expect(throws: PostgresError.self) {
            try F.app.query(
                "insert into content_pages (tenant_id, slug, locale, title, markdown) values ($1, 'faq', 'en', 'Orphan', 'x')",
                a.id)
        }
        #expect(error?.sqlState == "42501")
    }

    @Test func aTenantScopeCannotReadTheCentralGatewaysKeysNorChangeThem() throws {
        try GatewayAccountTests.ensureCentralAccount()
        let a = try F.tenantWithRows()
        let scope = F.app.scoped(toTenantID: a.id)
        #expect(try scope.query("select settings, settings_sealed from payment_gateways where tenant_id is null").isEmpty)
        #expect(try !F.app.unscoped.query("select id from payment_gateways where tenant_id is null and is_active").isEmpty)
        let changed = try scope.query("update payment_gateways set updated_at = now() where tenant_id is null")
        #expect(changed.affectedRows == 0)
        let deleted = try scope.query("delete from payment_gateways where tenant_id is null")
        #expect(deleted.affectedRows == 0)
    }

    @Test func headOfficeRowsOfNoTenantAreHiddenFromEveryTenantScope() throws {
        let a = try F.tenantWithRows()
        try TestDatabase.owner.query(
            "insert into audit_log (tenant_id, actor, action, target) values (null, 'head@office', 'rls.test', $1)", a.slug)
        let scoped = try F.app.scoped(toTenantID: a.id).query("select 1 from audit_log where target = $1", a.slug)
        let unscoped = try F.app.unscoped.query("select 1 from audit_log where target = $1", a.slug)
        #expect(scoped.isEmpty && unscoped.count == 1)
    }

    /// Where one tenant's lists read thousands of rows (subscribers, invoices), its scope bounds the index
    /// scan, computed once, instead of being tested on every row read (migration 0041).
    @Test func theScopeOfSubscribersAndInvoicesBoundsTheIndexScanInsteadOfFilteringEachRow() throws {
        let a = try F.tenantWithRows()
        let plans = try F.app.scoped(toTenantID: a.id).transaction { db in
            // The fixtures' tables are small enough for a sequential scan, which has no index condition.
            try db.query("set local enable_seqscan = off")
            return try [
                "subscribers": try db.query("explain select count(*) from subscribers where tenant_id = $1", a.id),
                "invoices": try db.query("explain select count(*) from invoices where tenant_id = $1", a.id),
            ].mapValues { rows in try rows.map { try $0.decode("QUERY PLAN", as: String.self) } }
        }
        for (table, plan) in plans {
            let scopeConditions = plan.filter { $0.contains("Index Cond") && $0.contains("app.tenant_id") }
            let rowFilters = plan.filter { $0.contains("Filter:") && $0.contains("app.tenant_id") }
            #expect(!scopeConditions.isEmpty && rowFilters.isEmpty, "\(table): \(plan.joined(separator: "\n"))")
        }
    }

    @Test func theServersRoleOwnsNoTableAndCannotBypassRowSecurity() throws {
        let role = try F.app.query(
            """
            select current_user as name, rolsuper, rolbypassrls,
                coalesce(current_setting('app.scope', true), '') as scope,
                (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user) as owned
            from pg_roles where rolname = current_user
            """
        ).first!
        let ownerName = try TestDatabase.owner.query("select current_user as name").first!.decode("name", as: String.self)
        #expect(try role.decode("name", as: String.self) != ownerName, "the server must not connect as the migration role")
        #expect(try role.decode("rolsuper", as: Bool.self) == false)
        #expect(try role.decode("rolbypassrls", as: Bool.self) == false)
        #expect(try role.decode("owned", as: Int.self) == 0)
        #expect(try role.decode("scope", as: String.self) == "", "the server's sessions must not default to every tenant")
    }

    @Test func everyTableWithATenantColumnHasForcedRowLevelSecurityAndAPolicy() throws {
        let tables = try TestDatabase.owner.query(
            """
            select c.relname as name, c.relrowsecurity and c.relforcerowsecurity as forced,
                exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policy
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
            where n.nspname = 'public' and c.relkind in ('r', 'p')
            order by c.relname
            """)
        let unprotected = try tables.filter { try !$0.decode("forced", as: Bool.self) || !$0.decode("policy", as: Bool.self) }
            .map { try $0.decode("name", as: String.self) }
        #expect(tables.count >= 15, "only \(tables.count) tables with tenant_id were found")
        #expect(unprotected.isEmpty, "without forced row-level security and its policy: \(unprotected)")
        let registry = try TestDatabase.owner.query(
            "select relrowsecurity and relforcerowsecurity as forced from pg_class where oid = 'tenants'::regclass")
        #expect(try registry.first!.decode("forced", as: Bool.self))
    }

    @Test func freeRADIUSsRoleReadsItsTablesAcrossTenantsAndNoTenantData() throws {
        let a = try F.tenantWithRows()
        let b = try F.tenantWithRows()
        let users = try F.radius.query(
            "select username from radcheck where username = any($1::text[])", [a.radiusUser, b.radiusUser])
        #expect(users.count == 2, "FreeRADIUS sets no tenant and must still find every tenant's users")
        let refused = #expect(throws: PostgresError.self) {
            try F.radius.query("select 1 from voucher_orders limit 1")
        }
        #expect(refused?.sqlState == "42501", "no privilege on the store's tables")
        let write = #expect(throws: PostgresError.self) {
            try F.radius.query("delete from radcheck where username = $1", a.radiusUser)
        }
        #expect(write?.sqlState == "42501")
    }
}
