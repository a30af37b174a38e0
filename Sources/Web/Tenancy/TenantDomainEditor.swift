import Foundation
import Postgres
import Templates

/// A tenant's custom domains, every change audited in the same statement or transaction as the change.
/// A new domain is pending (`verified_at` null) until head office approves it; the tables' trigger
/// NOTIFYs `tenant_changed`, so every instance's host cache follows at once.
struct TenantDomainEditor: Sendable {
    let database: PostgresPool

    func domains(for tenant: Tenant) throws -> [AdminDomainsView.Domain] {
        try database.scoped(to: tenant).query(
            """
            select domain, verified_at is not null as approved, is_primary from tenant_domains
            where tenant_id = $1 order by is_primary desc, domain
            """, tenant.id
        ).map {
            AdminDomainsView.Domain(
                name: try $0.decode("domain", as: String.self), isApproved: try $0.decode("approved", as: Bool.self),
                isPrimary: try $0.decode("is_primary", as: Bool.self))
        }
    }

    /// False when the domain already belongs to a tenant (this one or another: the answer is the same).
    func add(_ domain: CustomDomainName, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        do {
            try database.scoped(to: tenant).query(
                """
                with added as (
                    insert into tenant_domains as d (domain, tenant_id) values ($2, $1) returning to_jsonb(d) as doc
                )
                select audit($1, $3, $4, 'domain.add', $2, null, doc) from added
                """, tenant.id, domain.name, actor.email, actor.clientAddress)
            return true
        } catch let error where error.isUniqueViolation {
            return false
        }
    }

    /// Removes one of this tenant's domains; another tenant's name changes nothing.
    func remove(_ name: String, for tenant: Tenant, by actor: AuditActor) throws {
        try database.scoped(to: tenant).query(
            """
            with removed as (
                delete from tenant_domains d where tenant_id = $1 and domain = $2 returning to_jsonb(d) as doc
            )
            select audit($1, $3, $4, 'domain.remove', $2, doc) from removed
            """, tenant.id, name, actor.email, actor.clientAddress)
    }

    /// Makes one of this tenant's domains the primary (the others become aliases); another tenant's
    /// name, or an unknown one, changes nothing.
    func makePrimary(_ name: String, for tenant: Tenant, by actor: AuditActor) throws {
        try database.scoped(to: tenant).transaction { db in
            let chosen = try db.query(
                "select domain from tenant_domains where tenant_id = $1 and domain = $2 for update", tenant.id, name)
            guard !chosen.isEmpty else { return }
            // Two statements: the one-primary index is checked row by row, so clear before setting.
            let previous = try db.query(
                """
                update tenant_domains set is_primary = false where tenant_id = $1 and is_primary and domain <> $2
                returning domain
                """, tenant.id, name
            ).first.map { try $0.decode("domain", as: String.self) }
            try db.query(
                """
                with chosen as (
                    update tenant_domains set is_primary = true where tenant_id = $1 and domain = $2 and not is_primary
                    returning domain
                )
                select audit($1, $3, $4, 'domain.primary', $2, jsonb_build_object('primary', $5::text),
                    jsonb_build_object('primary', domain))
                from chosen
                """, tenant.id, name, actor.email, actor.clientAddress, previous)
        }
    }
}
