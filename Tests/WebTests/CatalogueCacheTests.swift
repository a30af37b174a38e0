import Foundation
import Postgres
import TestSupport
import Testing

/// The store's catalogue is served from memory and follows changes made anywhere within a second.
@Suite struct CatalogueCacheTests {
    @Test func theHomePageAndAPackagePageNeedNoDatabaseRoundTripOnceWarm() throws {
        // A database of its own: other tests' tenant changes (NOTIFY is per database) would empty the
        // caches mid-measurement, and the activity check below reads only this database's sessions.
        let database = try DemoAndInstancesTests.freshDemoDatabase()
        let name = try #require(URLComponents(string: database.app)?.path.dropFirst()).description
        // Background work that batches its writes (sweeps, usage flushes) is pushed out of the window.
        // The per-tenant rate limit counts each request in PostgreSQL, so it is off here: this test is
        // about what the page itself needs (tenant, branding, catalogue, rendering).
        let server = try GerbangProcess(environment: [
            "DATABASE_URL": database.app, "EXPIRY_SWEEP_SECONDS": "3600", "USAGE_FLUSH_SECONDS": "3600", "RATE_LIMITS": "off",
        ])
        defer { server.stop() }
        let home = try TestHTTPClient.request(port: server.port, host: "alpha.localhost")
        #expect(home.status == 200)
        let package = try #require(Self.firstPackageLink(in: home.text))
        #expect(try TestHTTPClient.request(port: server.port, path: package, host: "alpha.localhost").status == 200)

        let admin = try Self.adminPool()
        // The server's own start-up work (the first expiry sweep runs at once, on a thread of its own)
        // may still be under way on a loaded machine: wait until no session of this database has moved
        // for a tenth of a second, so the window below holds only the requests.
        var latest = ""
        for _ in 0..<50 {
            let now = try admin.query(
                """
                select coalesce(max(state_change), 'epoch')::text as latest from pg_stat_activity
                where datname = $1 and pid <> pg_backend_pid()
                """, name
            ).first!.decode("latest", as: String.self)
            if now == latest { break }
            latest = now
            Thread.sleep(forTimeInterval: 0.1)
        }
        let start = try admin.query("select clock_timestamp()::text as now").first!.decode("now", as: String.self)
        for i in 0..<50 {
            let path = i.isMultiple(of: 2) ? "/" : package
            let response = try TestHTTPClient.request(port: server.port, path: path, host: "alpha.localhost")
            #expect(response.status == 200)
        }
        // Every statement moves its session's `state_change`; none after `start` means no round trip.
        let busy = try admin.query(
            """
            select count(*)::int as busy from pg_stat_activity
            where datname = $1 and pid <> pg_backend_pid() and state_change > $2::timestamptz
            """, name, start
        ).first!.decode("busy", as: Int.self)
        #expect(busy == 0)
    }

    @Test func aPackageChangedInTheDatabaseShowsOnEveryInstanceWithinASecond() throws {
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Harian Lama", price: 5_000)
        let one = try GerbangProcess()
        let two = try GerbangProcess()
        defer {
            one.stop()
            two.stop()
        }
        for server in [one, two] {
            let home = try TestHTTPClient.request(port: server.port, host: shop.host).text
            #expect(home.contains("Harian Lama") && home.contains("Rp 5.000"))
        }
        // As the admin does it: an update, whose trigger sends NOTIFY tenant_changed.
        try TestDatabase.owner.query(
            "update voucher_profiles set name = 'Harian Baru', price = 7000 where tenant_id = $1 and id = $2",
            shop.tenantID, profileID)
        let deadline = Date().addingTimeInterval(1)
        var seen: [Bool] = [false, false]
        while Date() < deadline, seen.contains(false) {
            for (index, server) in [one, two].enumerated() where !seen[index] {
                let home = try TestHTTPClient.request(port: server.port, host: shop.host).text
                seen[index] = home.contains("Harian Baru") && home.contains("Rp 7.000") && !home.contains("Harian Lama")
            }
            if seen.contains(false) { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(seen == [true, true])
        let page = try TestHTTPClient.request(port: one.port, path: "/vouchers/\(profileID.uuidString.lowercased())", host: shop.host)
        #expect(page.status == 200 && page.text.contains("Harian Baru"))
    }

    @Test func aPackageTakenOffSaleDisappearsFromItsPageAtOnce() throws {
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Mingguan", price: 25_000)
        let path = "/vouchers/\(profileID.uuidString.lowercased())"
        let server = try GerbangProcess()
        defer { server.stop() }
        #expect(try TestHTTPClient.request(port: server.port, path: path, host: shop.host).status == 200)
        try TestDatabase.owner.query(
            "update voucher_profiles set evoucher_access = false where tenant_id = $1 and id = $2", shop.tenantID, profileID)
        let deadline = Date().addingTimeInterval(1)
        var status = 200
        while Date() < deadline, status == 200 {
            status = try TestHTTPClient.request(port: server.port, path: path, host: shop.host).status
            if status == 200 { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(status == 404)
    }

    @Test func aMadeUpPackageIdIsNotFoundWithoutTouchingAnotherTenantsPackage() throws {
        let shop = try Shop.open()
        let other = try Shop.open()
        try shop.addProfile(name: "Harian")
        let foreign = try other.addProfile(name: "Punya Orang Lain")
        for id in [UUID(), foreign] {
            let response = try SharedServer.get("/vouchers/\(id.uuidString.lowercased())", host: shop.host)
            #expect(response.status == 404)
            #expect(!response.text.contains("Punya Orang Lain"))
        }
    }

    private static func adminPool() throws -> PostgresPool {
        var configuration = try PostgresConfiguration(url: try TestEnvironment.require("PG_ADMIN_URL"))
        configuration.poolSize = 1
        return PostgresPool(configuration: configuration)
    }

    private static func firstPackageLink(in html: String) -> String? {
        guard let range = html.range(of: #"/vouchers/[0-9a-f-]{36}"#, options: .regularExpression) else { return nil }
        return String(html[range])
    }
}
