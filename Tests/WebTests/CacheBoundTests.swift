import Foundation
import HTTP
import Postgres
import Templates
import TestSupport
import Testing

@testable import Web

/// However many tenants are visited, the per-tenant caches stay within their share of
/// `CACHE_MEMORY_MB`, drop the tenants visited longest ago first, and load a dropped tenant again,
/// correctly, on its next visit.
@Suite struct CacheBoundTests {
    typealias Bytes = GenerationalCache<Int, [UInt8]>
    static let entry = Bytes.entryOverhead + 1_000

    private static func filled(_ count: Int, capacity: Int) -> Bytes {
        let cache = Bytes(timeToLive: .seconds(300), capacity: capacity) { _, bytes in bytes.count }
        for key in 0..<count { cache.store([UInt8](repeating: 0, count: 1_000), for: key, generation: cache.generation) }
        return cache
    }

    @Test func theEntriesUsedLongestAgoAreTheOnesEvicted() {
        let cache = Self.filled(16, capacity: 16 * Self.entry)
        #expect(cache.count == 16)
        for key in stride(from: 1, to: 16, by: 2) { #expect(cache.value(for: key) != nil) }
        cache.store([UInt8](repeating: 0, count: 1_000), for: 16, generation: cache.generation)
        // An eighth of the bound is freed at once: the three coldest, none of them read since stored.
        #expect((0...16).filter { cache.value(for: $0) == nil } == [0, 2, 4])
        #expect(cache.bytes <= cache.capacity)
        #expect(cache.statistics.evictions == 3)
    }

    @Test func aValueLargerThanTheWholeBoundIsNotKept() {
        let cache = Self.filled(2, capacity: 4 * Self.entry)
        cache.store([UInt8](repeating: 0, count: 5 * Self.entry), for: 99, generation: cache.generation)
        #expect(cache.value(for: 99) == nil)
        #expect(cache.count == 2)
    }

    @Test func manyTenantsSitesStayWithinTheBoundAndTheColdestIsLoadedAgainOnItsNextVisit() throws {
        let tenants = try Self.insertTenants(200)
        let capacity = 64 * 1024
        let sites = TenantSiteCache(
            repository: BrandingRepository(database: TenantCacheTests.database), platformSendsWhatsApp: true, capacity: capacity)
        let busy = tenants[1]
        for tenant in tenants {
            _ = try sites.site(for: tenant)
            _ = try sites.site(for: busy)
            #expect(sites.statistics.bytes <= capacity)
        }
        #expect(sites.statistics.evictions > 0)
        #expect(sites.cachedSite(for: tenants[0]) == nil, "the tenant visited longest ago was dropped")
        #expect(sites.cachedSite(for: busy) != nil, "the busiest tenant stayed")
        #expect(try sites.site(for: tenants[0]).branding.displayName == tenants[0].name)
        #expect(sites.cachedSite(for: tenants[0])?.branding.displayName == tenants[0].name)
    }

    @Test func manyTenantsCataloguesStayWithinTheBound() throws {
        let tenants = try Self.insertTenants(300)
        let budget = CacheBudget(bytes: 64 * 1024)
        let catalogue = CatalogueCache(repository: VoucherProfileRepository(database: TenantCacheTests.database), budget: budget)
        for tenant in tenants { #expect(try catalogue.onSaleProfiles(for: tenant).map(\.name) == ["Paket \(tenant.name)"]) }
        let statistics = try #require(catalogue.statistics.first { $0.name == "catalogue" }?.statistics)
        #expect(statistics.bytes <= budget.catalogues)
        #expect(statistics.evictions > 0)
        #expect(try catalogue.onSaleProfiles(for: tenants[0]).map(\.name) == ["Paket \(tenants[0].name)"])
    }

    /// A page renders into a buffer reserved for a large page: the cache keeps the page in an allocation
    /// of its own size, the same bytes, and charges what it keeps (with 10,000 stores, keeping the
    /// buffers held three times what the caches counted).
    @Test func aCachedHomePageKeepsOnlyItsBytesAndIsChargedForThem() throws {
        let tenants = try Self.insertTenants(1)
        let catalogue = CatalogueCache(
            repository: VoucherProfileRepository(database: TenantCacheTests.database), budget: CacheBudget(bytes: 1 << 20))
        let rendered = try catalogue.homePage(for: tenants[0], language: .en, brandingVersion: 1) { profiles in
            var body = [UInt8]()
            body.reserveCapacity(16_384)
            body.append(contentsOf: profiles.map(\.name).joined().utf8)
            return HTTPResponse(status: .ok, headers: HTTPHeaders(), body: body)
        }
        let kept = try #require(catalogue.cachedHomePage(for: tenants[0], language: .en, brandingVersion: 1))
        #expect(String(decoding: kept.body, as: UTF8.self) == "Paket \(tenants[0].name)")
        #expect(kept.body == rendered.body)
        #expect(kept.body.capacity < 1_024)
        let statistics = try #require(catalogue.statistics.first { $0.name == "home_page" }?.statistics)
        #expect(statistics.bytes >= kept.body.capacity)
    }

    /// Loading a store's site renders no 429 page; its first refusal in a language does, in the store's
    /// frame, and a change of the store drops its pages with the site.
    @Test func aStoresRefusalPageIsRenderedOnFirstUseAndDroppedWithItsSite() throws {
        let tenants = try Self.insertTenants(2)
        let sites = TenantSiteCache(
            repository: BrandingRepository(database: TenantCacheTests.database), platformSendsWhatsApp: true, capacity: 1 << 20)
        func refusalPages() -> CacheStatistics? { sites.allStatistics.first { $0.name == "refusal_page" }?.statistics }
        for tenant in tenants { _ = try sites.site(for: tenant) }
        #expect(refusalPages()?.entries == 0)
        // In either language, whichever the store's own is (the site keeps only that one's frame).
        for tenant in tenants {
            for language in Language.allCases {
                let page = sites.refusalPage(for: tenant, site: try sites.site(for: tenant), language: language)
                let text = String(decoding: page, as: UTF8.self)
                #expect(text.contains(tenant.name) && text.contains(language.strings.tooManyRequestsTitle))
                #expect(text.contains("<html lang=\"\(language.rawValue)\""))
                #expect(page.capacity < 2 * page.count)
            }
        }
        #expect(refusalPages()?.entries == 2 * Language.allCases.count)
        sites.invalidate(tenants[0].id)
        #expect(refusalPages()?.entries == Language.allCases.count)
        #expect(sites.cachedSite(for: tenants[1]) != nil)
    }

    /// One store's change (a package edited) drops that store's rendered pages in every language, and
    /// no other store's: on a platform of thousands, the others' visitors still get theirs from memory.
    @Test func oneStoresChangeDropsOnlyItsOwnPages() throws {
        let tenants = try Self.insertTenants(2)
        let catalogue = CatalogueCache(
            repository: VoucherProfileRepository(database: TenantCacheTests.database), budget: CacheBudget(bytes: 1 << 20))
        for tenant in tenants {
            for language in Language.allCases {
                _ = try catalogue.homePage(for: tenant, language: language, brandingVersion: 1) { profiles in
                    HTTPResponse(status: .ok, headers: HTTPHeaders(), body: Array(profiles.map(\.name).joined().utf8))
                }
            }
        }
        catalogue.invalidate(tenants[0].id)
        for language in Language.allCases {
            #expect(catalogue.cachedHomePage(for: tenants[0], language: language, brandingVersion: 1) == nil)
            let kept = try #require(catalogue.cachedHomePage(for: tenants[1], language: language, brandingVersion: 1))
            #expect(String(decoding: kept.body, as: UTF8.self) == "Paket \(tenants[1].name)")
        }
    }

    /// As a visitor sees it: a server with a one-megabyte budget serves many stores' home pages, keeps
    /// within its shares, and serves the first store again with its own name and packages.
    @Test func aServerWithASmallBudgetServesEveryStoreAndKeepsWithinIt() throws {
        let tenants = try Self.insertTenants(300)
        let server = try GerbangProcess(environment: ["CACHE_MEMORY_MB": "1", "RATE_LIMITS": "off"])
        defer { server.stop() }
        var firstVisits: [String] = []
        for tenant in tenants {
            let home = try TestHTTPClient.request(port: server.port, host: "\(tenant.slug).localhost")
            #expect(home.status == 200 && home.text.contains("Paket \(tenant.name)"))
            firstVisits.append(home.text)
        }
        // The last store's page now comes from memory: the same bytes as when it was rendered.
        let again = try TestHTTPClient.request(port: server.port, host: "\(tenants[299].slug).localhost")
        #expect(again.text == firstVisits[299])
        let metrics = try MetricsTests.parse(try TestHTTPClient.request(port: server.port, path: "/metrics", host: "localhost").text)
        for cache in ["catalogue", "home_page", "site", "known_host"] {
            let bytes = try #require(MetricsTests.value(metrics, "gerbang_cache_bytes", ["cache": cache]))
            let capacity = try #require(MetricsTests.value(metrics, "gerbang_cache_capacity_bytes", ["cache": cache]))
            #expect(bytes <= capacity && capacity <= Double(1 << 20))
        }
        #expect(MetricsTests.value(metrics, "gerbang_cache_evictions_total", ["cache": "home_page"]) ?? 0 > 0)
        // The first store was dropped: rendered again, the same bytes as on its first visit.
        let first = try TestHTTPClient.request(port: server.port, host: "\(tenants[0].slug).localhost")
        #expect(first.status == 200 && first.text == firstVisits[0])
    }

    /// `count` active stores with branding and one package each, inserted in one statement.
    private static func insertTenants(_ count: Int) throws -> [Tenant] {
        let prefix = TestDatabase.uniqueSlug("cb")
        try TestDatabase.owner.query(
            """
            with t as (
                insert into tenants (slug, name)
                select $1 || '-' || i, 'Bound ISP ' || $1 || '-' || lpad(i::text, 4, '0') from generate_series(1, $2::int) i
                returning id, name),
            b as (insert into tenant_branding (tenant_id, display_name) select id, name from t)
            insert into voucher_profiles (tenant_id, name, price, validity_minutes, radius_group)
            select id, 'Paket ' || name, 5000, 1440, 'bound' from t
            """, prefix, count)
        let directory = TenantDirectory(database: TenantCacheTests.database)
        return try (1...count).map { try #require(try directory.unscopedActiveTenant(slug: "\(prefix)-\($0)")) }
    }
}
