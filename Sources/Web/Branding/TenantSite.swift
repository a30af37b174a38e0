import Foundation
import Templates

/// Everything about a tenant's look that pages need, prepared once and kept in memory until the
/// tenant changes (`NOTIFY tenant_changed`), so the common page needs no database round trip.
/// A class: every request shares the one instance its cache holds. As a struct, each request copied it
/// and retained every text in it, a cache miss each when hosts are many and random.
public final class TenantSite: Sendable {
    public let branding: Branding
    public let themeCSS: [UInt8]
    public let themeETag: String
    public let logoETag: String?
    /// Whether the platform's sender or the tenant's own active number sends this store's WhatsApp messages.
    public let sendsWhatsApp: Bool
    /// The sites that may frame the store's pages (`TenantFraming`), loaded with the rest, so every page's
    /// policy is known wherever the site is.
    let frameAncestors: FrameAncestors

    init(branding: Branding, sendsWhatsApp: Bool = true, frameAncestors: FrameAncestors = .none) {
        self.branding = branding
        self.sendsWhatsApp = sendsWhatsApp
        self.frameAncestors = frameAncestors
        self.themeCSS = Array(ThemeStylesheet.css(for: branding).utf8)
        // The version changes on every save; the colours make the tag honest even between versions.
        self.themeETag =
            "\"t\(branding.version)-\(branding.primaryColor.description.dropFirst())\(branding.accentColor.description.dropFirst())\""
        self.logoETag = branding.logo.map { "\"\($0.sha256.isEmpty ? "v\(branding.version)" : String($0.sha256.prefix(32)))\"" }
    }

    /// The body of the tenant's 429 page in `language`, for `TenantSiteCache.refusalPage`.
    func renderRefusalPage(in language: Language) -> [UInt8] {
        ErrorResponder.refusalPage(chrome: .tenant(self, language: language, path: Paths.home)).compacted()
    }

    var themeURL: String { Self.themeURL(branding) }
    var logoURL: String? { Self.logoURL(branding) }

    static func themeURL(_ branding: Branding) -> String { Paths.theme(version: branding.version) }
    static func logoURL(_ branding: Branding) -> String? { branding.logo == nil ? nil : Paths.logo(version: branding.version) }
}

/// Tenant sites by tenant id, loaded on first use and dropped when the tenant changes.
///
/// The 429 pages are kept apart, rendered on a tenant's first refusal in a language: rendering two of
/// them with every site made a site three times as costly to load (on a platform of thousands of
/// stores, with most sites loaded again after eviction), for a page most tenants never show.
public final class TenantSiteCache: Sendable {
    private struct RefusalKey: Hashable, Sendable {
        let tenant: UUID
        let language: Language
        let brandingVersion: Int
    }

    private let cache: GenerationalCache<UUID, TenantSite>
    private let refusals: GenerationalCache<RefusalKey, [UInt8]>
    private let repository: BrandingRepository
    private let platformSendsWhatsApp: Bool

    /// - Parameter capacity: the sites' bound in bytes; an eighth of it is the 429 pages'.
    public init(repository: BrandingRepository, platformSendsWhatsApp: Bool, capacity: Int = CacheBudget.standard.sites) {
        self.repository = repository
        self.platformSendsWhatsApp = platformSendsWhatsApp
        cache = GenerationalCache(timeToLive: .seconds(300), capacity: capacity - capacity / 8) { _, site in site.estimatedBytes }
        refusals = GenerationalCache(timeToLive: .seconds(300), capacity: capacity / 8) { _, page in page.capacity }
    }

    public func site(for tenant: Tenant) throws -> TenantSite {
        try cache.value(for: tenant.id) {
            let record = try repository.record(for: tenant)
            return TenantSite(
                branding: record.branding, sendsWhatsApp: platformSendsWhatsApp || record.hasOwnWhatsAppSender,
                frameAncestors: record.frameAncestors)
        }
    }

    /// The site if it is loaded, without asking the database.
    func cachedSite(for tenant: Tenant) -> TenantSite? { cache.cachedValue(for: tenant.id) }

    /// The body of the tenant's 429 page in `language`, rendered on its first use: a flood is refused
    /// from memory after its first refusal.
    func refusalPage(for tenant: Tenant, site: TenantSite, language: Language) -> [UInt8] {
        refusals.value(for: RefusalKey(tenant: tenant.id, language: language, brandingVersion: site.branding.version)) {
            site.renderRefusalPage(in: language)
        }
    }

    public func invalidate(_ tenantID: UUID) {
        cache.invalidate(tenantID)
        refusals.invalidate { key, _ in key.tenant == tenantID }
    }

    public func invalidateAll() {
        cache.invalidateAll()
        refusals.invalidateAll()
    }

    public var statistics: CacheStatistics { cache.statistics }
    var allStatistics: [(name: String, statistics: CacheStatistics)] {
        [("site", cache.statistics), ("refusal_page", refusals.statistics)]
    }
}

extension TenantSite {
    /// Roughly the bytes the site holds, for its cache's bound: the theme, the logo and the texts.
    /// Strings count their UTF-8 plus a heap header; the rest is a flat allowance.
    var estimatedBytes: Int {
        let branded = [
            branding.displayName, branding.tagline, branding.contactWhatsApp, branding.contactEmail, branding.address,
            branding.footerText, branding.timeZone, branding.hotspotLoginURL, themeETag,
        ]
        let texts = branded + frameAncestors.origins
        return 256 + themeCSS.capacity + (branding.logo?.bytes.count ?? 0) + texts.reduce(0) { $0 + Self.bytes($1) }
    }

    private static func bytes(_ text: String) -> Int { 32 + text.utf8.count }
}
