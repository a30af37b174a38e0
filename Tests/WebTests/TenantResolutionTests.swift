import Foundation
import TestSupport
import Testing

/// Tenant resolution (docs/ARCHITECTURE.md §3) over real HTTP: a real server process and a real database.
@Suite struct TenantResolutionTests {
    let tenant: (id: UUID, slug: String)
    let domain: String
    let name: String

    init() throws {
        domain = "shop-\(TestDatabase.uniqueSlug()).example-isp.test"
        name = "Resolve ISP \(UUID().uuidString.prefix(8))"
        tenant = try TestDatabase.createTenant(name: name, branding: .init(displayName: name), domains: [(domain, verified: true)])
    }

    private func servesTenant(_ response: TestHTTPResponse) -> Bool {
        response.status == 200 && response.text.contains(name)
    }

    @Test func subdomainOfTheBaseDomainServesTheTenantBySlug() throws {
        let response = try SharedServer.get("/", host: "\(tenant.slug).localhost")
        #expect(servesTenant(response))
    }

    @Test(arguments: ["%@.LOCALHOST", "%@.localhost:8080", "%@.localhost.", "www.%@.localhost", "WWW.%@.Localhost.:80"])
    func hostIsNormalisedBeforeLookup(_ pattern: String) throws {
        let host = pattern.replacingOccurrences(of: "%@", with: tenant.slug)
        #expect(servesTenant(try SharedServer.get("/", host: host)))
    }

    @Test func customDomainServesItsTenant() throws {
        #expect(servesTenant(try SharedServer.get("/", host: domain)))
        #expect(servesTenant(try SharedServer.get("/", host: "www." + domain.uppercased())))
    }

    @Test func twoLabelsUnderTheBaseDomainAreNoTenant() throws {
        let response = try SharedServer.get("/", host: "extra.\(tenant.slug).localhost")
        #expect(response.status == 404)
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.1:8080", "[::1]", "[::1]:8080", "10.1.2.3"])
    func ipLiteralHostsNeverGetATenant(_ host: String) throws {
        let response = try SharedServer.get("/", host: host)
        #expect(response.status == 404)
        #expect(!response.text.contains("Resolve ISP"))
    }

    @Test(arguments: ["bad_host", "exa mple.com", "-lead.localhost", "a..b", "host:port", "x.localhost:99999", "\u{1F600}.localhost"])
    func malformedHostIsABadRequest(_ host: String) throws {
        #expect(try SharedServer.get("/", host: host).status == 400)
    }

    @Test func bareBaseDomainIsThePlatformSite() throws {
        for host in ["localhost", "LOCALHOST:8080", "www.localhost", "localhost."] {
            let response = try SharedServer.get("/", host: host)
            #expect(response.status == 200)
            #expect(response.text.contains("Gerbang"))
            #expect(!response.text.contains("Resolve ISP"))
        }
    }

    @Test func unknownHostGetsAPlatformBrandedNotFoundThatNamesNoTenant() throws {
        let response = try SharedServer.get("/", host: "nobody-\(UUID().uuidString.prefix(6)).example.net")
        #expect(response.status == 404)
        #expect(response.text.contains("Gerbang"))
        #expect(!response.text.contains("Resolve ISP"))
        #expect(!response.text.contains("/brand/theme.css"))
    }

    @Test func inactiveAndDeletedTenantsAreNotFound() throws {
        let inactive = try TestDatabase.createTenant(
            name: "Sleeping ISP", active: false, domains: [("sleep-\(TestDatabase.uniqueSlug()).test", verified: true)])
        let deleted = try TestDatabase.createTenant(name: "Gone ISP", deleted: true)
        for slug in [inactive.slug, deleted.slug] {
            let response = try SharedServer.get("/", host: "\(slug).localhost")
            #expect(response.status == 404)
            #expect(!response.text.contains("Sleeping ISP") && !response.text.contains("Gone ISP"))
        }
    }

    @Test func unapprovedCustomDomainIsNotServed() throws {
        let pending = "pending-\(TestDatabase.uniqueSlug()).test"
        try TestDatabase.createTenant(name: "Pending ISP", domains: [(pending, verified: false)])
        #expect(try SharedServer.get("/", host: pending).status == 404)
    }

    @Test func missingHostOnHTTP11IsABadRequest() throws {
        let request = Array("GET / HTTP/1.1\r\nConnection: close\r\n\r\n".utf8)
        #expect(try SharedServer.application.exchange(request, bodyless: false, timeout: .seconds(5)).status == 400)
    }

    @Test func deactivatingATenantTakesEffectAtOnce() throws {
        let host = "\(tenant.slug).localhost"
        #expect(try SharedServer.get("/", host: host).status == 200)
        try TestDatabase.owner.query("update tenants set is_active = false where id = $1", tenant.id)
        try eventually { try SharedServer.get("/", host: host).status == 404 }
    }
}

/// Polls `condition` until it holds or a second has passed (the NOTIFY budget).
func eventually(within limit: Duration = .seconds(1), _ condition: () throws -> Bool) throws {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try condition() { return }
        Thread.sleep(forTimeInterval: 0.02)
    }
    #expect(try condition(), "condition did not hold within \(limit)")
}
