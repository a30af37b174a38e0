import Foundation
import TestSupport
import Testing

@testable import Web

/// Two server processes with small limits, sharing the test database: what one counts, the other sees.
/// A test of one server's own limits gives the application in process the configuration it needs.
/// Both believe `X-Forwarded-For` from loopback, so tests choose their client address. The window is
/// an hour: a test stalled on a loaded machine must not see its counts slide away mid-test.
enum RateLimitServers {
    static let window = 3600
    static let environment = [
        "RATE_LIMIT_WINDOW_SECONDS": String(window), "TRUSTED_PROXIES": "127.0.0.1", "RATE_LIMIT_STARTER": "4",
        "RATE_LIMIT_PROFESSIONAL": "6",
        "RATE_LIMIT_ENTERPRISE": "1000", "RATE_LIMIT_LOGIN": "3", "RATE_LIMIT_ORDERS": "2", "RATE_LIMIT_PAY": "2",
        "RATE_LIMIT_WEBHOOK": "3",
    ]
    static let first = try! GerbangProcess(environment: environment)
    static let second = try! GerbangProcess(environment: environment)

    static func randomAddress() -> String {
        "10.\(Int.random(in: 0...255)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
    }

    /// A tenant of `tier`; enterprise leaves room for the per-address limits to show on their own.
    static func tenant(tier: String) throws -> (id: UUID, host: String, name: String) {
        let tenant = try PortalFixtures.tenant()
        try TestDatabase.owner.query("update tenants set tier = $1 where id = $2", tier, tenant.id)
        return tenant
    }

    static func request(_ server: any TestServer, _ path: String, host: String, from address: String? = nil) throws
        -> TestHTTPResponse
    {
        try request(server, "GET", path, host: host, from: address)
    }

    static func request(
        _ server: any TestServer, _ method: String, _ path: String, host: String, from address: String? = nil,
        body: String = ""
    ) throws -> TestHTTPResponse {
        var headers = [("Content-Type", "application/x-www-form-urlencoded")]
        if let address { headers.append(("X-Forwarded-For", address)) }
        return try server.request(
            method: method, path: path, host: host, headers: headers, body: Array(body.utf8))
    }
}

@Suite struct RateLimitTests {
    typealias S = RateLimitServers

    @Test func aStarterTenantGetsExactlyItsLimitAcrossTwoInstancesThenA429WithRetryAfter() throws {
        let tenant = try S.tenant(tier: "starter")
        for (index, server) in [S.first, S.second, S.first, S.second].enumerated() {
            let response = try S.request(server, "/", host: tenant.host)
            #expect(response.status == 200)
            #expect(response.headers["X-RateLimit-Limit"] == "4")
            #expect(response.headers["X-RateLimit-Remaining"] == String(3 - index))
            let reset = try #require(Int(response.headers["X-RateLimit-Reset"] ?? ""))
            #expect((1...S.window).contains(reset))
        }
        for server in [S.second, S.first] {
            let refused = try S.request(server, "/", host: tenant.host)
            #expect(refused.status == 429)
            #expect(refused.headers["X-RateLimit-Limit"] == "4")
            #expect(refused.headers["X-RateLimit-Remaining"] == "0")
            let retryAfter = try #require(Int(refused.headers["Retry-After"] ?? ""))
            #expect((1...2 * S.window).contains(retryAfter))
            #expect(refused.text.contains(tenant.name), "the tenant's branded error page")
        }
    }

    @Test func eachTierHasItsOwnLimitAndTenantsDoNotShareCounts() throws {
        let professional = try S.tenant(tier: "professional")
        let neighbour = try S.tenant(tier: "starter")
        for _ in 1...6 { #expect(try S.request(S.first, "/", host: professional.host).status == 200) }
        let seventh = try S.request(S.second, "/", host: professional.host)
        #expect(seventh.status == 429)
        #expect(seventh.headers["X-RateLimit-Limit"] == "6")
        let untouched = try S.request(S.second, "/", host: neighbour.host)
        #expect(untouched.status == 200)
        #expect(untouched.headers["X-RateLimit-Remaining"] == "3")
    }

    @Test func loginIsLimitedPerForwardedAddressAcrossInstances() throws {
        let tenant = try S.tenant(tier: "enterprise")
        let attacker = S.randomAddress()
        for (index, server) in [S.first, S.second, S.first].enumerated() {
            let response = try S.request(server, "POST", "/portal/login", host: tenant.host, from: attacker, body: "login=x")
            #expect(response.status != 429)
            #expect(response.headers["X-RateLimit-Limit"] == "3")
            #expect(response.headers["X-RateLimit-Remaining"] == String(2 - index))
        }
        let refused = try S.request(S.second, "POST", "/portal/login", host: tenant.host, from: attacker, body: "login=x")
        #expect(refused.status == 429)
        #expect(Int(refused.headers["Retry-After"] ?? "") ?? 0 > 0)
        let other = try S.request(S.second, "POST", "/portal/login", host: tenant.host, from: S.randomAddress(), body: "")
        #expect(other.status != 429, "another address has its own count")
        #expect(try S.request(S.first, "/portal/login", host: tenant.host, from: attacker).status == 200, "the form itself is not a login")
    }

    @Test func ordersPayAndAdminLoginHaveTheirOwnPerAddressLimits() throws {
        let tenant = try S.tenant(tier: "enterprise")
        for (path, limit) in [("/orders", 2), ("/pay/abc", 2), ("/portal/invoices/INV-1/pay", 2), ("/admin/login", 3)] {
            let address = S.randomAddress()
            for _ in 0..<limit {
                let response = try S.request(S.first, "POST", path, host: tenant.host, from: address)
                #expect(response.status != 429, "\(path) within the limit")
                #expect(response.headers["X-RateLimit-Limit"] == String(limit), "\(path)")
            }
            #expect(try S.request(S.second, "POST", path, host: tenant.host, from: address).status == 429, "\(path)")
        }
    }

    /// The router decodes each path segment, so every spelling of a limited route must share its family's count.
    @Test func noPercentEncodedSpellingEscapesAPerAddressLimit() throws {
        let tenant = try S.tenant(tier: "enterprise")
        let spellings: [(family: [String], limit: Int)] = [
            (["/orders", "/%6Frders", "/%6f%72%64%65%72%73"], 2),
            (["/pay/abc", "/p%61y/abc", "/%70ay/abc"], 2),
            (["/portal/login", "/portal/l%6Fgin", "/p%6Frtal/login"], 3),
            (["/admin/login", "/%61dmin/login", "/admin/%6Cogin"], 3),
        ]
        for (family, limit) in spellings {
            let address = S.randomAddress()
            for index in 0..<limit {
                let path = family[index % family.count]
                let response = try S.request(S.first, "POST", path, host: tenant.host, from: address)
                #expect(response.status != 429, "\(path) within the limit")
                #expect(response.headers["X-RateLimit-Limit"] == String(limit), "\(path) counts in its family")
            }
            for path in family {
                #expect(try S.request(S.second, "POST", path, host: tenant.host, from: address).status == 429, "\(path)")
            }
        }
        let gateway = S.randomAddress()
        for path in ["/payments/webhook/sandbox", "/payments/%77ebhook/sandbox", "/payments/webhook/s%61ndbox"] {
            #expect(try S.request(S.first, "POST", path, host: "localhost", from: gateway).status != 429, "\(path)")
        }
        #expect(try S.request(S.first, "POST", "/p%61yments/webhook/sandbox", host: "localhost", from: gateway).status == 429)
    }

    @Test func headOfficeLoginAndTheWebhookAreLimitedPerAddressOnAnyHost() throws {
        let address = S.randomAddress()
        for _ in 1...3 { #expect(try S.request(S.first, "POST", "/head-office/login", host: "localhost", from: address).status != 429) }
        #expect(try S.request(S.second, "POST", "/head-office/login", host: "localhost", from: address).status == 429)

        let gateway = S.randomAddress()
        for index in 1...3 {
            let response = try S.request(S.first, "POST", "/payments/webhook/sandbox", host: "localhost", from: gateway, body: "{}")
            #expect(response.status == 400)
            #expect(response.headers["X-RateLimit-Remaining"] == String(3 - index))
        }
        let refused = try S.request(S.second, "POST", "/payments/webhook/sandbox", host: "anything.example", from: gateway, body: "{}")
        #expect(refused.status == 429)
        #expect(refused.headers["Retry-After"] != nil)
    }

    @Test func staticFilesHealthAndBrandFilesAreNeverCounted() throws {
        let tenant = try S.tenant(tier: "starter")
        for _ in 1...6 {
            for path in ["/assets/css/site.css", "/healthz", "/brand/theme.css"] {
                let response = try S.request(S.first, path, host: tenant.host)
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["X-RateLimit-Limit"] == nil, "\(path)")
            }
        }
        #expect(try S.request(S.second, "/", host: tenant.host).headers["X-RateLimit-Remaining"] == "3")
    }

    @Test func aBusyTenantIsCountedAheadInLeasesButNeverUndercountedNorLetPastItsLimit() throws {
        let server = try InProcessServer(environment: ["RATE_LIMIT_WINDOW_SECONDS": "3600", "RATE_LIMIT_STARTER": "120"])
        defer { server.stop() }
        let tenant = try S.tenant(tier: "starter")
        var served = 0
        var remaining: [Int] = []
        for _ in 1...200 {
            let response = try S.request(server, "/", host: tenant.host)
            if response.status == 200 { served += 1 }
            remaining.append(Int(response.headers["X-RateLimit-Remaining"] ?? "") ?? -1)
        }
        #expect(served <= 120, "never more than the limit")
        #expect(served >= 100, "leases may refuse a little early, not much")
        #expect(remaining == remaining.sorted(by: >), "the count only goes down")
        let counted =
            try TestDatabase.owner.query(
                "select coalesce(sum(hits), 0)::int as hits from rate_limit_counters where bucket_key = $1",
                "tenant:" + tenant.id.uuidString.lowercased()
            ).first?.decode("hits", as: Int.self) ?? 0
        #expect(counted >= served, "every served request is counted in the database, leased ones ahead of time")
        #expect(counted <= 120 + RateLimitLeases.largestLease, "refusals are answered from memory and never counted")
    }

    @Test func aProcessWithAShortWindowPurgesOnlyCountersNoWindowCanStillRead() throws {
        let recent = "test:recent:" + UUID().uuidString
        let stale = "test:stale:" + UUID().uuidString
        try TestDatabase.owner.query(
            """
            insert into rate_limit_counters (bucket_key, window_start, hits)
            values ($1, now() - interval '30 minutes', 7), ($2, now() - interval '3 hours', 7)
            """, recent, stale)
        let server = try InProcessServer(environment: ["RATE_LIMIT_WINDOW_SECONDS": "1"])
        defer { server.stop() }
        let tenant = try S.tenant(tier: "starter")
        #expect(try S.request(server, "/", host: tenant.host).status == 200)  // the first check purges
        let left = try TestDatabase.owner.query(
            "select bucket_key from rate_limit_counters where bucket_key = any($1::text[])", [recent, stale]
        ).map { try $0.decode("bucket_key", as: String.self) }
        #expect(left == [recent], "an hour-long window's counter stays; one older than any window goes")
    }

    @Test func aRefusedClientIsLetInAgainAfterRetryAfter() throws {
        let server = try InProcessServer(environment: ["RATE_LIMIT_WINDOW_SECONDS": "2", "RATE_LIMIT_STARTER": "2"])
        defer { server.stop() }
        let tenant = try S.tenant(tier: "starter")
        #expect(try S.request(server, "/", host: tenant.host).status == 200)
        #expect(try S.request(server, "/", host: tenant.host).status == 200)
        let refused = try S.request(server, "/", host: tenant.host)
        #expect(refused.status == 429)
        let retryAfter = try #require(Int(refused.headers["Retry-After"] ?? ""))
        #expect((1...4).contains(retryAfter), "the rest of a 2-second window and the fading of this one")
        Thread.sleep(forTimeInterval: Double(retryAfter))
        #expect(try S.request(server, "/", host: tenant.host).status == 200)
    }

    /// The refusal the database finds, and the ones repeated from memory on the event loop after it,
    /// are the same answer: the branded page, the limit's headers and every security header.
    @Test func aRefusalRepeatedFromMemoryIsTheSameAnswer() throws {
        let tenant = try S.tenant(tier: "starter")
        let flooder = S.randomAddress()
        for _ in 1...4 { #expect(try S.request(S.first, "/", host: tenant.host, from: flooder).status == 200) }
        let found = try S.request(S.first, "/", host: tenant.host, from: flooder)
        let repeated = try (1...3).map { _ in try S.request(S.first, "/", host: tenant.host, from: flooder) }
        #expect(found.status == 429)
        let varying: Set<String> = ["date", "retry-after", "x-ratelimit-reset"]
        func fixed(_ response: TestHTTPResponse) -> [String: String] {
            Dictionary(
                response.headers.compactMap { varying.contains($0.name.lowercased()) ? nil : ($0.name.lowercased(), $0.value) },
                uniquingKeysWith: { first, _ in first })
        }
        for response in repeated {
            #expect(response.status == 429)
            #expect(response.body == found.body)
            #expect(fixed(response) == fixed(found))
            #expect(response.headers["Retry-After"] != nil)
        }
        #expect(fixed(found)["content-security-policy"] != nil && fixed(found)["cache-control"] == "no-store")
    }

    /// One address floods a starter store (limit 8, a client's share 25 % = 2): it is refused from memory,
    /// its refusals cost the tenant nothing, and another buyer still gets the page and can order.
    @Test func oneClientFloodingAStoreIsRefusedWhileAnotherBuyerIsServed() throws {
        let server = try InProcessServer(environment: [
            "RATE_LIMIT_WINDOW_SECONDS": "3600", "TRUSTED_PROXIES": "127.0.0.1", "RATE_LIMIT_STARTER": "8",
            "RATE_LIMIT_CLIENT_SHARE": "25",
        ])
        defer { server.stop() }
        let tenant = try S.tenant(tier: "starter")
        let flooder = S.randomAddress()
        let buyer = S.randomAddress()
        let statuses = try (1...40).map { _ in try S.request(server, "/", host: tenant.host, from: flooder).status }
        #expect(statuses.prefix(2).allSatisfy { $0 == 200 })
        #expect(statuses.dropFirst(2).allSatisfy { $0 == 429 }, "a client's share is a quarter of the store's limit")

        let page = try S.request(server, "/", host: tenant.host, from: buyer)
        #expect(page.status == 200, "another client is still served")
        let order = try S.request(server, "POST", "/orders", host: tenant.host, from: buyer, body: "profile=none")
        #expect(order.status != 429, "and may order")

        func hits(_ key: String) throws -> Int {
            try TestDatabase.owner.query(
                "select coalesce(sum(hits), 0)::int as hits from rate_limit_counters where bucket_key = $1", key
            ).first?.decode("hits", as: Int.self) ?? 0
        }
        let id = tenant.id.uuidString.lowercased()
        #expect(try hits("client:\(id):\(flooder)") == 3, "two served, one refusal found in the database, the rest from memory")
        #expect(try hits("tenant:\(id)") == 4, "the flooder's two pages and the buyer's two requests; no refusal")
    }
}
