import Foundation
import Postgres

/// Custom domains waiting for head office, across every tenant. Approving sets `verified_at`, after
/// which the host resolves to its tenant (the `tenant_domains` trigger NOTIFYs every instance);
/// rejecting removes the request, so the tenant may correct it and ask again. Each decision writes
/// one `audit_log` row for the tenant concerned, in the same statement.
struct DomainApprovals: Sendable {
    let database: PostgresPool

    struct Pending: Sendable {
        let domain: String
        let tenantName: String
        let tenantSlug: String
        let requestedAt: Date
    }

    /// Pending domains of tenants not deleted, oldest request first.
    func pending() throws -> [Pending] {
        try database.unscoped.query(
            """
            select d.domain, t.name, t.slug, d.created_at from tenant_domains d join tenants t on t.id = d.tenant_id
            where d.verified_at is null and t.deleted_at is null
            order by d.created_at, d.domain
            """
        ).map { row in
            Pending(
                domain: try row.decode("domain", as: String.self), tenantName: try row.decode("name", as: String.self),
                tenantSlug: try row.decode("slug", as: String.self),
                requestedAt: try row.decode("created_at", as: Date.self))
        }
    }

    /// False when the domain is not pending (unknown, already decided, or its tenant deleted).
    func approve(_ domain: String, by actor: AuditActor) throws -> Bool {
        let rows = try database.unscoped.query(
            """
            with approved as (
                update tenant_domains d set verified_at = now()
                where d.domain = $1 and d.verified_at is null
                    and exists (select 1 from tenants t where t.id = d.tenant_id and t.deleted_at is null)
                returning d.tenant_id, to_jsonb(d) as doc
            )
            select audit(tenant_id, $2, $3, 'domain.approve', $1, doc - 'verified_at', doc) from approved
            """, domain, actor.email, actor.clientAddress)
        return !rows.isEmpty
    }

    /// False when the domain is not pending.
    func reject(_ domain: String, by actor: AuditActor) throws -> Bool {
        let rows = try database.unscoped.query(
            """
            with rejected as (
                delete from tenant_domains d
                where d.domain = $1 and d.verified_at is null
                    and exists (select 1 from tenants t where t.id = d.tenant_id and t.deleted_at is null)
                returning d.tenant_id, to_jsonb(d) as doc
            )
            select audit(tenant_id, $2, $3, 'domain.reject', $1, doc) from rejected
            """, domain, actor.email, actor.clientAddress)
        return !rows.isEmpty
    }
}
