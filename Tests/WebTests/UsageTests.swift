import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

@testable import Web

/// Usage per tenant and UTC month: counted in memory, flushed in batches into `tenant_usage`, read
/// back by head office through `UsageRepository`.
@Suite struct UsageTests {
    /// The application's own pool (the role the server uses), for the meter and the repository.
    static let application: PostgresPool = {
        var configuration = try! PostgresConfiguration(url: try! TestEnvironment.require("DATABASE_URL"))
        configuration.poolSize = 2
        return PostgresPool(configuration: configuration)
    }()

    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)!
    }

    static func usage(_ tenantID: UUID, _ period: String) throws -> TenantUsage? {
        try UsageRepository(database: application).monthlyUsage(period: #require(UsageMonth(parsing: period)))
            .first { $0.tenantID == tenantID }
    }

    @Test func theLastMillisecondOfAMonthCountsInItAndMidnightUTCInTheNext() throws {
        let tenant = try TestDatabase.createTenant(name: "Usage ISP")
        let now = Mutex(Self.utc("2031-01-31T23:59:59.999Z"))
        let meter = UsageMeter(database: Self.application, interval: .seconds(3600), clock: { now.withLock { $0 } })
        meter.recordPageView(tenantID: tenant.id)
        now.withLock { $0 = Self.utc("2031-02-01T00:00:00.000Z") }
        meter.recordPageView(tenantID: tenant.id)
        meter.record(UsageCounts(orders: 1, paidOrders: 1, paidAmount: 5_000, webhookCalls: 2), tenantID: tenant.id)
        try meter.flush()

        let january = try #require(try Self.usage(tenant.id, "2031-01"))
        #expect(january.pageViews == 1)
        #expect(january.orders == 0)
        let february = try #require(try Self.usage(tenant.id, "2031-02"))
        #expect(february.pageViews == 1)
        #expect(
            february
                == TenantUsage(
                    tenantID: tenant.id, slug: tenant.slug, name: "Usage ISP", pageViews: 1, orders: 1, paidOrders: 1,
                    paidAmount: 5_000, webhookCalls: 2))

        // A second batch adds to the first instead of replacing it.
        meter.recordPageView(tenantID: tenant.id)
        try meter.flush()
        #expect(try Self.usage(tenant.id, "2031-02")?.pageViews == 2)
        #expect(try Self.usage(tenant.id, "2031-01")?.pageViews == 1)
        #expect(try Self.usage(tenant.id, "2031-03") == nil)
    }

    /// The arithmetic agrees with `Calendar` on every day from 1900 to 2200 and at each month's edges.
    /// Between two flushes a busy platform's meter holds each tenant a few times at most, whatever the
    /// number of lock stripes (taken in turn, every stripe held every tenant: 160,000 entries for
    /// 10,000 tenants), and a flush still adds every view.
    @Test func manyTenantsAreHeldOnlyAFewTimesEachBetweenFlushes() throws {
        let meter = UsageMeter(database: Self.application, interval: .seconds(3600))
        let tenants = (0..<200).map { _ in UUID() }
        for _ in 0..<40 { for tenant in tenants { meter.recordPageView(tenantID: tenant) } }
        #expect(meter.pendingEntries >= 200 && meter.pendingEntries <= 800)
        let tenant = try TestDatabase.createTenant(name: "Usage Stripes")
        for _ in 0..<1_000 { meter.recordPageView(tenantID: tenant.id) }
        // The made-up tenants have no row to count against: the flush reports them and keeps them.
        #expect(throws: (any Error).self) { try meter.flush() }
        #expect(try Self.usage(tenant.id, UsageMonth(containing: Date()).description)?.pageViews == 1_000)
    }

    @Test func theMonthOfADateIsCalendarsMonth() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = Self.utc("1900-01-01T00:00:00.000Z")
        let end = Self.utc("2200-01-01T00:00:00.000Z")
        while day < end {
            for offset in [0.0, 0.001, 86_399.999] {
                let date = day.addingTimeInterval(offset)
                let parts = calendar.dateComponents([.year, .month], from: date)
                let month = UsageMonth(containing: date)
                if month.year != parts.year || month.month != parts.month {
                    Issue.record("\(date): \(month) but Calendar says \(parts.year ?? 0)-\(parts.month ?? 0)")
                    return
                }
            }
            day = day.addingTimeInterval(86_400)
        }
    }

    @Test func periodsParseOnlyAsYearDashMonth() {
        #expect(UsageMonth(parsing: "2026-11")?.description == "2026-11")
        #expect(UsageMonth(parsing: "2026-01") == UsageMonth(containing: Self.utc("2026-01-15T12:00:00.000Z")))
        for bad in ["2026-13", "2026-00", "2026-1", "26-01", "2026/01", "２０２６-01", "2026-01 ", "", "abcd-ef", "2026-01'; drop"] {
            #expect(UsageMonth(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func pageViewsFromTwoInstancesAddUpInOneRow() throws {
        let environment = ["USAGE_FLUSH_SECONDS": "1"]
        let first = try GerbangProcess(environment: environment)
        let second = try GerbangProcess(environment: environment)
        let tenant = try TestDatabase.createTenant()
        let host = tenant.slug + ".localhost"
        for server in [first, first, first, second, second] {
            #expect(try TestHTTPClient.request(port: server.port, path: "/", host: host).status == 200)
        }
        // Not page views: a missing page, a stylesheet, a form sent back.
        #expect(try TestHTTPClient.request(port: first.port, path: "/no-such-page", host: host).status == 404)
        #expect(try TestHTTPClient.request(port: second.port, path: "/brand/theme.css", host: host).status == 200)

        let period = UsageMonth(containing: Date()).description
        let deadline = Date().addingTimeInterval(10)
        var seen: Int64?
        while Date() < deadline {
            seen = try Self.usage(tenant.id, period)?.pageViews
            if seen == 5 { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(seen == 5)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try Self.usage(tenant.id, period)?.pageViews == 5, "nothing counted twice by later flushes")
    }

    @Test func aPaidWebhookCountsTheCallThePaidOrderAndItsAmountOnce() throws {
        let server = try GerbangProcess(environment: ["USAGE_FLUSH_SECONDS": "3600"])
        let secret = RandomCode.make(32)
        let tenant = try StoreFixtures.tenant(provider: "sandbox", settings: ["secret": secret])
        let order = try StoreFixtures.order(
            tenantID: tenant.id, profileID: try StoreFixtures.profile(tenantID: tenant.id), gatewayID: tenant.gatewayID,
            provider: "sandbox", quantity: 2)
        let body = try StoreFixtures.sandboxBody(reference: order.number, status: "paid", amount: order.amount)
        let signature = try StoreFixtures.hmacSHA256Hex(key: secret, message: body)
        for _ in 1...2 {  // the second delivery is a replay: a call, not a second payment
            let response = try StoreFixtures.deliver(
                "sandbox", body: body, headers: [("X-Sandbox-Signature", signature)], server: server)
            #expect(response.status == 200)
        }
        #expect(server.stop() == 0)
        let usage = try #require(try Self.usage(tenant.id, UsageMonth(containing: Date()).description))
        #expect(usage.webhookCalls == 2)
        #expect(usage.paidOrders == 1)
        #expect(usage.paidAmount == order.amount)
    }

    @Test func aGracefulStopFlushesWhatWasCounted() throws {
        let server = try GerbangProcess(environment: ["USAGE_FLUSH_SECONDS": "3600"])
        let tenant = try TestDatabase.createTenant()
        for _ in 1...3 {
            #expect(try TestHTTPClient.request(port: server.port, path: "/", host: tenant.slug + ".localhost").status == 200)
        }
        let period = UsageMonth(containing: Date()).description
        #expect(try Self.usage(tenant.id, period) == nil, "nothing written before the first flush")
        #expect(server.stop() == 0)
        #expect(try Self.usage(tenant.id, period)?.pageViews == 3)
    }
}
