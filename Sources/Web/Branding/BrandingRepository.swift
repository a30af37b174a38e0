import Foundation
import Postgres
import Templates

/// Reads a tenant's branding. Every query is scoped by the tenant it is given.
public struct BrandingRepository: Sendable {
    let database: PostgresPool

    public init(database: PostgresPool) {
        self.database = database
    }

    /// Everything a site is built from, in one round trip: a site is loaded again after every change of
    /// its tenant and, on a platform of thousands of stores, after every eviction, so each query more
    /// would be paid on every cold visit.
    public func record(for tenant: Tenant) throws -> BrandingRecord {
        // The left join keeps the one row (and the sender) for a tenant without a branding row.
        let row = try database.scoped(to: tenant).query(
            """
            select display_name, tagline, primary_color, accent_color, logo, logo_content_type, logo_sha256,
                   contact_whatsapp, contact_email, address, footer_text, default_locale, time_zone,
                   hotspot_login_url, version, frame_ancestors,
                   exists (select 1 from tenant_whatsapp_senders s where s.tenant_id = $1 and s.is_active) as has_own_sender
            from (values (true)) as one (present) left join tenant_branding on tenant_id = $1
            """, tenant.id
        ).single()
        guard row.decode("version", as: Int?.self) != nil else {
            return BrandingRecord(
                branding: .fallback(for: tenant), frameAncestors: .none,
                hasOwnWhatsAppSender: try row.decode("has_own_sender", as: Bool.self))
        }
        // The column's check admits only what the parser wrote; anything else is treated as no opt-in.
        let framing = row.decode("frame_ancestors", as: String?.self).flatMap(FrameAncestors.init(parsing:)) ?? .none
        return BrandingRecord(
            branding: try Self.branding(from: row), frameAncestors: framing,
            hasOwnWhatsAppSender: try row.decode("has_own_sender", as: Bool.self))
    }

    public func branding(for tenant: Tenant) throws -> Branding {
        try record(for: tenant).branding
    }

    private static func branding(from row: PostgresRow) throws -> Branding {
        var logo: Branding.Logo?
        if let bytes = row.decode("logo", as: [UInt8]?.self), let type = row.decode("logo_content_type", as: String?.self) {
            logo = Branding.Logo(bytes: bytes, contentType: type, sha256: row.decode("logo_sha256", as: String?.self) ?? "")
        }
        return Branding(
            displayName: try row.decode("display_name", as: String.self),
            tagline: try row.decode("tagline", as: String.self),
            primaryColor: BrandColor(try row.decode("primary_color", as: String.self)) ?? Branding.defaultPrimary,
            accentColor: BrandColor(try row.decode("accent_color", as: String.self)) ?? Branding.defaultAccent,
            logo: logo,
            contactWhatsApp: try row.decode("contact_whatsapp", as: String.self),
            contactEmail: try row.decode("contact_email", as: String.self),
            address: try row.decode("address", as: String.self),
            footerText: try row.decode("footer_text", as: String.self),
            defaultLanguage: Language(rawValue: try row.decode("default_locale", as: String.self)) ?? .id,
            timeZone: try row.decode("time_zone", as: String.self),
            hotspotLoginURL: try row.decode("hotspot_login_url", as: String.self),
            version: try row.decode("version", as: Int.self)
        )
    }
}

/// One tenant's `tenant_branding` row as a site uses it.
public struct BrandingRecord: Sendable {
    public var branding: Branding
    /// The sites that may frame the tenant's pages; none unless the admin opted in.
    var frameAncestors: FrameAncestors
    /// Whether the tenant sends its WhatsApp messages from its own number (an active sender row).
    public var hasOwnWhatsAppSender: Bool
}

extension Branding {
    static let defaultPrimary = BrandColor(red: 0x0b, green: 0x5f, blue: 0xff)
    static let defaultAccent = BrandColor(red: 0xff, green: 0x8a, blue: 0x00)

    /// A tenant without a branding row still gets a usable, neutral look.
    static func fallback(for tenant: Tenant) -> Branding {
        Branding(
            displayName: tenant.name, tagline: "", primaryColor: defaultPrimary, accentColor: defaultAccent, logo: nil,
            contactWhatsApp: "", contactEmail: "", address: "", footerText: "", defaultLanguage: .id,
            timeZone: "Asia/Jakarta", hotspotLoginURL: "", version: 0)
    }
}
