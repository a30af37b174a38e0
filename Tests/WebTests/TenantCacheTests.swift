import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

@Suite struct TenantCacheTests {
    static let database: PostgresPool = {
        var configuration = try! PostgresConfiguration(url: try! TestEnvironment.require("DATABASE_URL"))
        configuration.poolSize = 2
        return PostgresPool(configuration: configuration)
    }()

    @Test func tenThousandUnknownHostsStayWithinTheCacheBound() throws {
        let budget = CacheBudget(megabytes: 1)
        let resolver = TenantResolver(baseDomain: "localhost", directory: TenantDirectory(database: Self.database), budget: budget)
        for i in 0..<10_000 {
            // Most are decided without the database (two labels under the base); some are looked up.
            let host = i % 10 == 0 ? "flood\(i).example.org" : "h\(i).flood.localhost"
            #expect(throws: TenantNotFound.self) { try resolver.resolve(host: host) }
        }
        let cached = resolver.cachedHostCount
        let unknown = try #require(resolver.statistics.first { $0.name == "unknown_host" }?.statistics)
        #expect(unknown.bytes <= budget.unknownHosts)
        #expect(unknown.evictions > 0)
        #expect(cached.unknown < 1_000)
        #expect(cached.known == 0)
    }

    @Test func aLookupInFlightDuringAnInvalidationDoesNotStoreItsStaleAnswer() {
        let cache = GenerationalCache<String, Int>(timeToLive: .seconds(60), capacity: 4_096)
        let before = cache.generation
        cache.invalidateAll()  // a NOTIFY arrives while the lookup is at the database
        cache.store(1, for: "alpha.localhost", generation: before)
        #expect(cache.value(for: "alpha.localhost") == nil)
        cache.store(2, for: "alpha.localhost", generation: cache.generation)
        #expect(cache.value(for: "alpha.localhost") == 2)
    }

    @Test func entriesExpireAfterTheirTimeToLive() {
        let cache = GenerationalCache<String, Int>(timeToLive: .seconds(300), capacity: 4_096)
        let start = ContinuousClock.now
        cache.store(1, for: "a", generation: cache.generation, now: start)
        #expect(cache.value(for: "a", now: start + .seconds(299)) == 1)
        #expect(cache.value(for: "a", now: start + .seconds(301)) == nil)
    }

    @Test func resolvedTenantsAreServedFromTheCacheUntilInvalidated() throws {
        let created = try TestDatabase.createTenant(name: "Cached ISP")
        let resolver = TenantResolver(baseDomain: "localhost", directory: TenantDirectory(database: Self.database))
        guard case .tenant(let first) = try resolver.resolve(host: "\(created.slug).localhost") else {
            Issue.record("expected a tenant")
            return
        }
        #expect(first.id == created.id)
        try TestDatabase.owner.query("update tenants set is_active = false where id = $1", created.id)
        // Still cached: no NOTIFY handler in this in-process resolver.
        #expect(throws: Never.self) { try resolver.resolve(host: "\(created.slug).localhost") }
        resolver.invalidate()
        #expect(throws: TenantNotFound.self) { try resolver.resolve(host: "\(created.slug).localhost") }
    }

    /// One tenant's change (here a new domain) forgets only that tenant's hosts: another tenant's host
    /// stays resolved from memory, and the new domain, unknown a moment ago, resolves at once.
    @Test func oneTenantsChangeForgetsOnlyItsOwnHosts() throws {
        let changed = try TestDatabase.createTenant(name: "Changing ISP")
        let other = try TestDatabase.createTenant(name: "Steady ISP")
        let resolver = TenantResolver(baseDomain: "localhost", directory: TenantDirectory(database: Self.database))
        for tenant in [changed, other] { _ = try resolver.resolve(host: "\(tenant.slug).localhost") }
        let domain = "shop-\(changed.slug).example.net"
        #expect(throws: TenantNotFound.self) { try resolver.resolve(host: domain) }

        try TestDatabase.owner.query(
            "insert into tenant_domains (domain, tenant_id, verified_at) values ($1, $2, now())", domain, changed.id)
        resolver.invalidate(tenantID: changed.id)
        #expect(resolver.cachedTenant(host: "\(changed.slug).localhost") == nil)
        #expect(resolver.cachedTenant(host: "\(other.slug).localhost")?.id == other.id, "the other tenant stayed")
        guard case .tenant(let found) = try resolver.resolve(host: domain) else {
            Issue.record("the new domain did not resolve")
            return
        }
        #expect(found.id == changed.id)
    }
}

@Suite struct HostNameTests {
    @Test(
        arguments: [
            ("Alpha.LocalHost", "alpha.localhost", nil),
            ("alpha.localhost:8080", "alpha.localhost", 8080),
            ("alpha.localhost.", "alpha.localhost", nil),
            ("www.alpha.localhost", "alpha.localhost", nil),
            ("WWW.Example.COM.:443", "example.com", 443),
        ] as [(String, String, Int?)])
    func normalisesCaseDotPortAndWWW(_ raw: String, _ name: String, _ port: Int?) {
        let host = HostName.normalise(raw)
        #expect(host?.name == name)
        #expect(host?.port == port)
    }

    @Test(arguments: [
        "", ":80", "a..b", "-a.com", "a-.com", "a_b.com", "exa mple.com", "a.com:", "a.com:x", "a.com:65536", "[::1", "é.com",
        String(repeating: "a", count: 64) + ".com",
    ])
    func refusesMalformedHosts(_ raw: String) {
        #expect(HostName.normalise(raw) == nil)
    }

    @Test func recognisesIPLiterals() {
        #expect(HostName.normalise("192.168.1.1")?.isIPAddress == true)
        for notAnAddress in ["256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "1234.1.1.1", "01a.1.1.1"] {
            #expect(!HostName.isIPv4Literal(notAnAddress), "\(notAnAddress)")
        }
        #expect(HostName.isIPv4Literal("0.0.0.0") && HostName.isIPv4Literal("255.255.255.255"))
        #expect(HostName.normalise("[::1]:8080")?.isIPAddress == true)
        #expect(HostName.normalise("1.2.3.4.example")?.isIPAddress == false)
        #expect(HostName.normalise("www.10.0.0.1")?.name == "10.0.0.1")
        #expect(HostName.normalise("www.10.0.0.1")?.isIPAddress == true)
    }
}
