import Foundation
import Postgres
import Templates

/// Saves and reverts a tenant's content pages, audited. A save keeps every version in
/// `content_page_versions` and makes the newest the one `content_pages` shows; a revert deletes the
/// override, so the default from `content/` shows again. Both run in one tenant-scoped transaction
/// with their `audit_log` row. The table's trigger then NOTIFYs `tenant_changed`, and every
/// instance drops its rendered pages.
struct ContentPageEditor: Sendable {
    let database: PostgresPool

    /// - Parameter draft: a draft without errors.
    /// - Returns: the new version's number.
    @discardableResult
    func save(_ draft: Draft, for tenant: Tenant, by actor: AuditActor) throws -> Int {
        try database.scoped(to: tenant).transaction { db in
            // Two saves of one page at once must not draw the same version number.
            try db.query(
                "select pg_advisory_xact_lock(hashtext('content-page:' || $1::text || ':' || $2 || ':' || $3))",
                tenant.id, draft.slug, draft.language.rawValue)
            let version = try db.query(
                """
                select coalesce(max(version), 0) + 1 as next from content_page_versions
                where tenant_id = $1 and slug = $2 and locale = $3
                """, tenant.id, draft.slug, draft.language.rawValue
            ).single().decode("next", as: Int.self)
            try db.query(
                """
                insert into content_page_versions (tenant_id, slug, locale, version, title, body, saved_by)
                values ($1, $2, $3, $4, $5, $6, $7)
                """, tenant.id, draft.slug, draft.language.rawValue, version, draft.title, draft.markdown, actor.email)
            try db.query(
                """
                with old as (
                    select audit_document(p) as doc from content_pages p
                    where tenant_id = $1 and slug = $2 and locale = $3
                ), saved as (
                    insert into content_pages as p (tenant_id, slug, locale, title, markdown, version)
                    values ($1, $2, $3, $4, $5, $6)
                    on conflict (tenant_id, slug, locale) do update
                        set title = excluded.title, markdown = excluded.markdown, version = excluded.version,
                            updated_at = now()
                    returning audit_document(p) as doc
                )
                select audit($1, $7, $8, 'content_page.save', $2 || '/' || $3, (select doc from old), saved.doc)
                from saved
                """, tenant.id, draft.slug, draft.language.rawValue, draft.title, draft.markdown, version, actor.email,
                actor.clientAddress)
            return version
        }
    }

    /// Deletes the tenant's override of the page; a page that has none changes nothing and is not audited.
    func revert(_ slug: String, in language: Language, for tenant: Tenant, by actor: AuditActor) throws {
        try database.scoped(to: tenant).query(
            """
            with removed as (
                delete from content_pages p where tenant_id = $1 and slug = $2 and locale = $3
                returning audit_document(p) as doc
            )
            select audit($1, $4, $5, 'content_page.revert', $2 || '/' || $3, doc) from removed
            """, tenant.id, slug, language.rawValue, actor.email, actor.clientAddress)
    }
}
