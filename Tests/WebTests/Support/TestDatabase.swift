import Foundation
import Postgres
import TestSupport

/// Direct access to the test database as the schema owner, to arrange data the way an admin or
/// head office would, and to check what the application wrote.
enum TestDatabase {
    static let owner: PostgresPool = {
        var configuration = try! PostgresConfiguration(url: try! TestEnvironment.require("MIGRATION_DATABASE_URL"))
        configuration.poolSize = 4
        return PostgresPool(configuration: configuration)
    }()

    /// The `SECRETS_KEY` every test server runs with (`make test` makes one), to decrypt what they sealed.
    static let secretsKey = try! TestEnvironment.require("SECRETS_KEY")

    /// A slug no other test uses.
    static func uniqueSlug(_ prefix: String = "t") -> String {
        "\(prefix)\(UInt64.random(in: 0...UInt64.max) % 1_000_000_000_000)"
    }

    struct BrandingFields {
        var displayName: String
        var tagline = ""
        var primary = "#123456"
        var accent = "#abcdef"
        var whatsapp = ""
        var email = ""
        var address = ""
        var footer = ""
        var locale = "en"
        var logo: [UInt8]? = nil
    }

    @discardableResult
    static func createTenant(
        slug: String = uniqueSlug(), name: String = "Test ISP", active: Bool = true, deleted: Bool = false,
        branding: BrandingFields? = nil, domains: [(String, verified: Bool)] = []
    ) throws -> (id: UUID, slug: String) {
        try owner.transaction { db in
            let id = try db.query(
                """
                insert into tenants (slug, name, is_active, deleted_at)
                values ($1, $2, $3, case when $4 then now() end) returning id
                """, slug, name, active, deleted
            ).first!.decode("id", as: UUID.self)
            let b = branding ?? BrandingFields(displayName: name)
            try db.query(
                """
                insert into tenant_branding (tenant_id, display_name, tagline, primary_color, accent_color,
                    contact_whatsapp, contact_email, address, footer_text, default_locale,
                    logo, logo_content_type, logo_sha256)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
                    case when $11::bytea is null then null else 'image/png' end, encode(sha256($11::bytea), 'hex'))
                """, id, b.displayName, b.tagline, b.primary, b.accent, b.whatsapp, b.email, b.address, b.footer,
                b.locale, b.logo)
            for (domain, verified) in domains {
                try db.query(
                    "insert into tenant_domains (domain, tenant_id, verified_at) values ($1, $2, case when $3 then now() end)",
                    domain, id, verified)
            }
            return (id, slug)
        }
    }
}
