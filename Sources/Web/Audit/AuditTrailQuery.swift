import Foundation
import Postgres
import Templates

/// The audit trail: `audit_log` (who changed what) and `security_events` (failed and throttled
/// sign-ins, rejected webhooks, rate-limit refusals) as one list, newest first. A tenant admin reads
/// its own tenant's rows in its scope (row-level security and `tenant_id = $1` both); head office
/// reads every row, head office's own included, across tenants.
struct AuditTrailQuery: Sendable {
    let database: PostgresPool

    struct Entry: Sendable {
        let at: Date
        /// `audit` or `security`.
        let source: String
        /// The admin's email for a change; the client address for a security event.
        let actor: String
        let action: String
        /// What was changed, or the event's detail.
        let subject: String
        let clientAddress: String
        /// The tenant's slug (head office's view); empty for head office's own rows.
        let tenantSlug: String

        init(row: PostgresRow) throws {
            at = try row.decode("at")
            source = try row.decode("source")
            actor = try row.decode("actor")
            action = try row.decode("action")
            subject = try row.decode("subject")
            clientAddress = try row.decode("client_address")
            tenantSlug = row.decode("slug", as: String?.self) ?? ""
        }
    }

    func page(_ request: AuditTrailRequest, path: String, for tenant: Tenant) throws
        -> (entries: [Entry], pager: AdminSalesPager)
    {
        try database.scoped(to: tenant).transaction { db in try page(request, path: path, tenantID: tenant.id, on: db) }
    }

    /// Every tenant's rows and head office's own: head office's view.
    func unscopedPage(_ request: AuditTrailRequest, path: String) throws -> (entries: [Entry], pager: AdminSalesPager) {
        try database.unscoped.transaction { db in try page(request, path: path, tenantID: nil, on: db) }
    }

    private func page(_ request: AuditTrailRequest, path: String, tenantID: UUID?, on db: PostgresConnection) throws
        -> (entries: [Entry], pager: AdminSalesPager)
    {
        let filters: [(any PostgresEncodable)?] = [
            tenantID, request.actor, request.action, request.from.isEmpty ? nil : request.from,
            request.to.isEmpty ? nil : request.to,
        ]
        let totalCount = try db.query(
            """
            with trail as (
                select tenant_id, at, actor, action, ip as client_address from audit_log
                where $1::uuid is null or tenant_id = $1
                union all
                select tenant_id, at, client_address, kind, client_address from security_events
                where $1::uuid is null or tenant_id = $1
            )
            select count(*) as n from trail
            where strpos(lower(actor), lower($2)) > 0 and ($3 = '' or action = $3)
                and ($4::date is null or at >= $4::date::timestamp at time zone 'Asia/Jakarta')
                and ($5::date is null or at < ($5::date + 1)::timestamp at time zone 'Asia/Jakarta')
            """, parameters: filters
        ).single().decode("n", as: Int.self)
        let window = request.pager(path: path, totalCount: totalCount)
        let entries = try db.query(
            """
            with trail as (
                select tenant_id, id, at, 'audit' as source, actor, action, target as subject, ip as client_address
                from audit_log where $1::uuid is null or tenant_id = $1
                union all
                select tenant_id, id, at, 'security', client_address, kind, detail, client_address
                from security_events where $1::uuid is null or tenant_id = $1
            )
            select trail.*, t.slug from trail left join tenants t on t.id = trail.tenant_id
            where strpos(lower(actor), lower($2)) > 0 and ($3 = '' or action = $3)
                and ($4::date is null or at >= $4::date::timestamp at time zone 'Asia/Jakarta')
                and ($5::date is null or at < ($5::date + 1)::timestamp at time zone 'Asia/Jakarta')
            order by at desc, id desc
            limit $6 offset $7
            """, parameters: filters + [AdminListRequest.pageSize, window.offset]
        ).map(Entry.init(row:))
        return (entries, window.pager)
    }
}
