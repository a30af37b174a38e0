import Foundation
import Postgres
import Templates

/// Saves a tenant's branding, audited. One statement updates the row (bumping `version`) and appends
/// the `audit_log` row with the record before and after, so there is never a change without its audit
/// row. The table's trigger then NOTIFYs `tenant_changed`, and every instance drops its cached site.
struct BrandingEditor: Sendable {
    let database: PostgresPool

    /// - Parameter draft: a draft without errors; its logo, when present, replaces the current one.
    func save(_ draft: BrandingDraft, for tenant: Tenant, by actor: AuditActor) throws {
        typealias Field = AdminBrandingView.Field
        let v = draft.values
        // The logo bytes stay out of the audit row: its SHA-256 says which logo it was.
        try database.scoped(to: tenant).query(
            """
            with old as (
                select audit_document(b) as doc from tenant_branding b where tenant_id = $1
            ), changed as (
                update tenant_branding t set display_name = $4, tagline = $5, primary_color = $6, accent_color = $7,
                    contact_whatsapp = $8, contact_email = $9, address = $10, footer_text = $11, default_locale = $12,
                    hotspot_login_url = $13, frame_ancestors = $16,
                    logo = coalesce($14::bytea, t.logo),
                    logo_content_type = case when $14::bytea is null then t.logo_content_type else $15 end,
                    logo_sha256 = case when $14::bytea is null then t.logo_sha256 else encode(sha256($14::bytea), 'hex') end,
                    version = t.version + 1, updated_at = now()
                where t.tenant_id = $1
                returning audit_document(t) as doc
            )
            select audit($1, $2, $3, 'branding.update', 'tenant_branding', old.doc, changed.doc) from old, changed
            """,
            tenant.id, actor.email, actor.clientAddress, v[Field.displayName], v[Field.tagline], v[Field.primaryColor],
            v[Field.accentColor], v[Field.contactWhatsApp], v[Field.contactEmail], v[Field.address], v[Field.footerText],
            v[Field.defaultLanguage], v[Field.hotspotLoginURL], draft.logo?.bytes, draft.logo?.contentType,
            v[Field.frameAncestors] ?? "")
    }
}
