import Foundation
import Postgres
import Templates

/// Reads a tenant's branding. Every query is scoped by the tenant it is given.
public struct BrandingRepository: Sendable {
    let database: PostgresPool

    public init(database: PostgresPool) {
        self.database = database
    }

    /// Whether the tenant sends its WhatsApp messages from its own number (an active sender row).
    public func hasActiveWhatsAppSender(for tenant: Tenant) throws -> Bool {
        try !database.scoped(to: tenant).query(
            "select 1 from tenant_whatsapp_senders where tenant_id = $1 and is_active", tenant.id
        ).isEmpty
    }

    public func branding(for tenant: Tenant) throws -> Branding {
        let rows = try database.scoped(to: tenant).query(
            """
            select display_name, tagline, primary_color, accent_color, logo, logo_content_type, logo_sha256,
                   contact_whatsapp, contact_email, address, footer_text, default_locale, time_zone,
                   hotspot_login_url, version
            from tenant_branding where tenant_id = $1
            """, tenant.id)
        guard let row = rows.first else { return .fallback(for: tenant) }
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
