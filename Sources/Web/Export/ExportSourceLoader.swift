import Foundation
import Postgres
import Templates

/// Reads one tenant, by slug, for an export. A head-office path: the CLI names the tenant explicitly,
/// and every query below is scoped by the tenant it found.
struct ExportSourceLoader: Sendable {
    let database: PostgresPool
    /// Only to read which gateway the tenant uses: the keys themselves go into no export.
    let secrets: SecretsKey
    let defaults: DefaultContent
    let baseDomain: String
    let siteStylesheetPath: String
    /// Whether the platform's own WhatsApp sender serves every store.
    let platformSendsWhatsApp: Bool

    func source(slug: String, storeURL: String?) throws -> TenantExportSource {
        guard let tenant = try TenantDirectory(database: database).unscopedActiveTenant(slug: slug) else {
            throw ExportError("no active tenant with slug '\(slug)'")
        }
        let store: StoreLocation?
        if let storeURL {
            store = StoreLocation(url: storeURL)
        } else {
            store = StoreLocation(primaryDomain: try primaryDomain(of: tenant), slug: tenant.slug, baseDomain: baseDomain)
        }
        guard let store else { throw ExportError("the store URL is not a plain http(s) URL with a host name") }
        return try source(for: tenant, store: store)
    }

    /// The export of a tenant already resolved (the tenant admin's download), linking to `store`.
    func source(for tenant: Tenant, store: StoreLocation) throws -> TenantExportSource {
        guard let stylesheet = FileManager.default.contents(atPath: siteStylesheetPath) else {
            throw ExportError("cannot read \(siteStylesheetPath)")
        }
        let overrides = ContentPageRepository(database: database)
        var pages: [ContentPage] = []
        for language in Language.allCases {
            for page in DefaultContent.slugs {
                if let found = try overrides.override(page, in: language, for: tenant) ?? defaults.page(page, in: language) {
                    pages.append(found)
                }
            }
        }
        let branding = try BrandingRepository(database: database).record(for: tenant)
        return TenantExportSource(
            slug: tenant.slug, branding: branding.branding, store: store,
            gateway: try PaymentGatewayRepository(database: database, secrets: secrets).effectiveAccount(for: tenant).map {
                .init(provider: $0.provider, isSandbox: $0.isSandbox)
            },
            packages: try VoucherProfileRepository(database: database).onSaleProfiles(for: tenant), pages: pages,
            siteStylesheet: [UInt8](stylesheet),
            sendsWhatsApp: platformSendsWhatsApp || branding.hasOwnWhatsAppSender)
    }

    /// The tenant's primary domain, once it is verified; nil until then.
    func primaryDomain(of tenant: Tenant) throws -> String? {
        let rows = try database.scoped(to: tenant).query(
            "select domain from tenant_domains where tenant_id = $1 and is_primary and verified_at is not null", tenant.id)
        return try rows.first?.decode("domain", as: String.self)
    }
}

struct ExportError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
