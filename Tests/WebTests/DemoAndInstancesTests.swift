import Foundation
import Postgres
import TestSupport
import Testing

/// What `make run` does, on a fresh database: migrate, load the demo, serve.
@Suite(.serialized) struct DemoAndInstancesTests {
    /// A new database, migrated by the real executable, with the demo loaded by it.
    static func freshDemoDatabase() throws -> (app: String, owner: String) {
        let admin = try TestEnvironment.require("PG_ADMIN_URL")
        let ownerURL = try TestEnvironment.require("MIGRATION_DATABASE_URL")
        let appURL = try TestEnvironment.require("DATABASE_URL")
        let name = "demo_\(TestDatabase.uniqueSlug())"
        var configuration = try PostgresConfiguration(url: admin)
        configuration.poolSize = 1
        let pool = PostgresPool(configuration: configuration)
        // CREATE DATABASE takes an identifier, never a parameter: the name is ours, letters and digits only.
        try pool.withConnection { connection in
            try connection.executeRawSQLScript("create database \(name) owner gerbang_owner")
            try connection.executeRawSQLScript("grant connect, temporary on database \(name) to gerbang_app")
            try connection.executeRawSQLScript("grant connect on database \(name) to gerbang_radius")
        }
        let swap = { (url: String) -> String in
            var components = URLComponents(string: url)!
            components.path = "/\(name)"
            return components.string!
        }
        for command in ["migrate", "demo"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: GerbangProcess.executablePath)
            process.arguments = [command]
            var environment = ProcessInfo.processInfo.environment
            environment["DATABASE_URL"] = swap(appURL)
            environment["MIGRATION_DATABASE_URL"] = swap(ownerURL)
            environment["MIGRATIONS_DIR"] = GerbangProcess.repositoryRoot + "/db/migrations"
            process.environment = environment
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "gerbang \(command) failed")
        }
        return (swap(appURL), swap(ownerURL))
    }

    @Test func demoTenantsDifferInNameColoursAndLanguageAndTheCustomDomainServesAlpha() throws {
        let database = try Self.freshDemoDatabase()
        let server = try GerbangProcess(environment: ["DATABASE_URL": database.app])
        defer { server.stop() }
        let alpha = try TestHTTPClient.request(port: server.port, host: "alpha.localhost")
        let beta = try TestHTTPClient.request(port: server.port, host: "beta.localhost")
        #expect(alpha.text.contains("<title>Alpha Net</title>") && alpha.text.contains(#"<html lang="en">"#))
        #expect(beta.text.contains("<title>Beta Wifi</title>") && beta.text.contains(#"<html lang="id">"#))
        let alphaTheme = try TestHTTPClient.request(port: server.port, path: "/brand/theme.css", host: "alpha.localhost").text
        let betaTheme = try TestHTTPClient.request(port: server.port, path: "/brand/theme.css", host: "beta.localhost").text
        #expect(alphaTheme.contains("#1d4ed8") && betaTheme.contains("#0d9488"))
        #expect(beta.text.contains("/brand/logo?v="))
        let custom = try TestHTTPClient.request(port: server.port, host: "hotspot.alpha-net.test")
        #expect(custom.text.contains("<title>Alpha Net</title>"))
        #expect(try TestHTTPClient.request(port: server.port, host: "gamma.localhost").status == 404)

        // A second `demo` run leaves the data alone.
        let again = Process()
        again.executableURL = URL(fileURLWithPath: GerbangProcess.executablePath)
        again.arguments = ["demo"]
        again.environment = ProcessInfo.processInfo.environment.merging([
            "DATABASE_URL": database.app, "MIGRATION_DATABASE_URL": database.owner,
        ]) { $1 }
        try again.run()
        again.waitUntilExit()
        #expect(again.terminationStatus == 0)
    }

    /// The demo's routers: a FreeRADIUS from deploy/freeradius on the demo database answers alpha's PPPoE
    /// account from alpha's router and refuses it from beta's, as the README's "Demo RADIUS" shows.
    @Test func theDemoRoutersAreAnsweredByFreeRADIUSForTheirOwnTenantOnly() throws {
        let database = try Self.freshDemoDatabase()
        let name = try #require(URLComponents(string: database.app)?.path.dropFirst()).description
        let server = try FreeRADIUSTests.start(databaseName: name).get()
        defer {
            let directory = (server.log as NSString).deletingLastPathComponent
            _ = try? ChildProcess.run(GerbangProcess.repositoryRoot + "/scripts/freeradius.sh", ["stop", directory])
        }
        // The addresses and secrets the README gives; the tenant is whatever the demo made.
        let routers = [
            TestRouter(tenantID: UUID(), address: "127.0.10.1", secret: "alpha-radius-demo"),
            TestRouter(tenantID: UUID(), address: "127.0.10.2", secret: "beta-radius-demo"),
        ]
        let login = { (router: TestRouter) in
            try RadiusClient.login("andi@alpha-net.test", "pppoe123", at: router, on: server)
        }
        let own = try login(routers[0])
        #expect(own.contains("Received Access-Accept"), "radclient:\n\(own)\n\(server.logTail)")
        #expect(own.contains("Mikrotik-Rate-Limit"), "radclient:\n\(own)")
        let other = try login(routers[1])
        #expect(other.contains("Received Access-Reject"), "radclient:\n\(other)\n\(server.logTail)")
        let beta = try RadiusClient.login("dewi@beta-wifi.test", "pppoe123", at: routers[1], on: server)
        #expect(beta.contains("Received Access-Accept"), "radclient:\n\(beta)\n\(server.logTail)")
    }

    @Test func aDomainMovedBetweenTenantsIsServedAsTheNewOwnerByEveryInstanceWithinASecond() throws {
        let domain = "moving-\(TestDatabase.uniqueSlug()).test"
        let first = try TestDatabase.createTenant(name: "First Owner ISP", domains: [(domain, verified: true)])
        let second = try TestDatabase.createTenant(name: "Second Owner ISP")
        let one = try GerbangProcess()
        let two = try GerbangProcess()
        defer {
            one.stop()
            two.stop()
        }
        for server in [one, two] {
            #expect(try TestHTTPClient.request(port: server.port, host: domain).text.contains("First Owner ISP"))
        }
        // As the admin will do it: an update, whose trigger sends NOTIFY tenant_changed.
        try TestDatabase.owner.query("update tenant_domains set tenant_id = $1 where domain = $2", second.id, domain)
        for server in [one, two] {
            try eventually { try TestHTTPClient.request(port: server.port, host: domain).text.contains("Second Owner ISP") }
        }
        _ = first
    }

    @Test func aRebrandIsVisibleOnEveryInstanceWithinASecond() throws {
        let tenant = try TestDatabase.createTenant(name: "Rebrand ISP", branding: .init(displayName: "Before Name", primary: "#111111"))
        let one = try GerbangProcess()
        let two = try GerbangProcess()
        defer {
            one.stop()
            two.stop()
        }
        let host = "\(tenant.slug).localhost"
        for server in [one, two] {
            #expect(try TestHTTPClient.request(port: server.port, path: "/brand/theme.css", host: host).text.contains("#111111"))
        }
        try TestDatabase.owner.query(
            "update tenant_branding set display_name = 'After Name', primary_color = '#222222', version = version + 1 where tenant_id = $1",
            tenant.id)
        for server in [one, two] {
            try eventually {
                let page = try TestHTTPClient.request(port: server.port, host: host).text
                return page.contains("After Name") && page.contains("/brand/theme.css?v=2")
            }
            #expect(try TestHTTPClient.request(port: server.port, path: "/brand/theme.css", host: host).text.contains("#222222"))
        }
    }
}
