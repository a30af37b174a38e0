import Foundation
import HTTP
import Templates

/// What each tenant's store sells, and its home page as answered, kept in memory until the tenant
/// changes (`NOTIFY tenant_changed`, sent by the `voucher_profiles` and branding triggers), so the
/// home page and the package pages need no database round trip and the home page no rendering.
///
/// One catalogue entry per tenant: its whole on-sale list. A single package is found in that list
/// rather than cached by id, so a stream of made-up package ids costs neither memory nor queries.
final class CatalogueCache: Sendable {
    /// The home page is the same bytes for every visitor of a tenant in one language: nothing on it
    /// comes from the request but the language (cookies and security headers are added after).
    private struct HomeKey: Hashable, Sendable {
        let tenant: UUID
        let language: Language
        let brandingVersion: Int
    }

    /// A package page differs between visitors only in its form's token and key (`VoucherPageTemplate`).
    struct VoucherKey: Hashable, Sendable {
        let tenant: UUID
        let profile: UUID
        let language: Language
        let brandingVersion: Int
    }

    private let profiles: GenerationalCache<UUID, [VoucherProfile]>
    private let homePages: GenerationalCache<HomeKey, HTTPResponse>
    private let voucherPages: GenerationalCache<VoucherKey, VoucherPageTemplate>
    private let repository: VoucherProfileRepository

    init(repository: VoucherProfileRepository, budget: CacheBudget = .standard) {
        self.repository = repository
        profiles = GenerationalCache(timeToLive: .seconds(300), capacity: budget.catalogues) { _, profiles in
            profiles.reduce(0) { $0 + MemoryLayout<VoucherProfile>.stride + 96 + $1.name.utf8.count + $1.description.utf8.count }
        }
        homePages = GenerationalCache(timeToLive: .seconds(300), capacity: budget.homePages) { _, page in page.cachedBytes }
        voucherPages = GenerationalCache(timeToLive: .seconds(300), capacity: budget.voucherPages) { _, template in
            template.bytes + 256
        }
    }

    /// The tenant's packages on sale, in the store's order.
    func onSaleProfiles(for tenant: Tenant) throws -> [VoucherProfile] {
        try profiles.value(for: tenant.id) { try repository.onSaleProfiles(for: tenant) }
    }

    /// One package on sale; nil for another tenant's, a hidden, a deleted or an unknown one.
    func onSaleProfile(id: UUID, for tenant: Tenant) throws -> VoucherProfile? {
        try onSaleProfiles(for: tenant).first { $0.id == id }
    }

    /// The home page response, built by `render` from the catalogue on the first visit after a change.
    func homePage(
        for tenant: Tenant, language: Language, brandingVersion: Int, render: ([VoucherProfile]) -> HTTPResponse
    ) throws -> HTTPResponse {
        let key = HomeKey(tenant: tenant.id, language: language, brandingVersion: brandingVersion)
        return try homePages.value(for: key) { render(try onSaleProfiles(for: tenant)).compacted() }
    }

    /// The home page if it is rendered and current, without asking the database.
    func cachedHomePage(for tenant: Tenant, language: Language, brandingVersion: Int) -> HTTPResponse? {
        homePages.cachedValue(for: HomeKey(tenant: tenant.id, language: language, brandingVersion: brandingVersion))
    }

    /// A package page's template, rendered by `render` from the package on its first visit after a
    /// change; nil for a package not on sale.
    func voucherPage(
        _ key: VoucherKey, for tenant: Tenant, render: (VoucherProfile) -> VoucherPageTemplate?
    ) throws -> VoucherPageTemplate? {
        if let template = voucherPages.value(for: key) { return template }
        let generation = voucherPages.generation
        guard let profile = try onSaleProfile(id: key.profile, for: tenant), let template = render(profile) else { return nil }
        voucherPages.store(template, for: key, generation: generation)
        return template
    }

    /// A package page's template if it is rendered and current, without asking the database.
    func cachedVoucherPage(_ key: VoucherKey) -> VoucherPageTemplate? {
        voucherPages.cachedValue(for: key)
    }

    // The catalogue first: a page rendered after the page cache's invalidation then reads a fresh
    // catalogue, and one rendered before it is dropped by the page cache's generation check.
    func invalidate(_ tenantID: UUID) {
        profiles.invalidate(tenantID)
        // Only this tenant's pages: on a platform of thousands of stores, one store's change must not
        // send every other store's next visitor to the database.
        homePages.invalidate { key, _ in key.tenant == tenantID }
        voucherPages.invalidate { key, _ in key.tenant == tenantID }
    }

    func invalidateAll() {
        profiles.invalidateAll()
        homePages.invalidateAll()
        voucherPages.invalidateAll()
    }

    var statistics: [(name: String, statistics: CacheStatistics)] {
        [("catalogue", profiles.statistics), ("home_page", homePages.statistics), ("voucher_page", voucherPages.statistics)]
    }
}
