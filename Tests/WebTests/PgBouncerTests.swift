import Foundation
import Postgres
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One `gerbang serve` whose `DATABASE_URL` goes through a private pgbouncer in transaction mode
/// (`scripts/pgbouncer.sh`), with `LISTEN_DATABASE_URL` direct, as docs/OPERATIONS.md's deployment advice sets it
/// up: the happy paths of the storefront, the portal, the tenant admin and head office work, and each
/// one's transactions are counted by pgbouncer. A pgbouncer that cannot be installed or started fails
/// every test here.
@Suite(.serialized) struct PgBouncerTests {
    struct Pooler: Sendable {
        let directory: String
        let port: Int
        let preparedStatements: Bool
        let log: String

        var url: String { "postgresql://gerbang_app@127.0.0.1:\(port)/gerbang" }

        /// Its admin console's `SHOW what`, one dictionary per row.
        func show(_ what: String) throws -> [[String: String]] {
            let (status, output) = try ChildProcess.run(
                GerbangProcess.repositoryRoot + "/scripts/pgbouncer.sh", ["show", directory, what])
            guard status == 0 else { throw TestSupportError("SHOW \(what) on pgbouncer failed:\n\(output)") }
            let lines = output.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
            guard let header = lines.first else { return [] }
            return lines.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
        }

        var logTail: String {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no log at \(log))"
            return text.split(separator: "\n").suffix(30).joined(separator: "\n")
        }

        /// Transactions pgbouncer has passed to the `gerbang` database so far.
        func transactions() throws -> Int {
            let row = try show("stats").first { $0["database"] == "gerbang" }
            return row.flatMap { $0["total_xact_count"] }.flatMap { Int($0) } ?? 0
        }
    }

    /// Started once, with the server behind it; pgbouncer stops by itself when this process exits.
    static let setUp: Result<(Pooler, GerbangProcess), TestSupportError> = start()

    static func start() -> Result<(Pooler, GerbangProcess), TestSupportError> {
        do {
            let direct = try TestEnvironment.require("DATABASE_URL")
            guard let databasePort = URLComponents(string: direct)?.port else {
                return .failure(TestSupportError("DATABASE_URL has no port: \(direct)"))
            }
            let directory = NSTemporaryDirectory() + "gerbang-pgbouncer-\(getpid())"
            let values = try GerbangProcess.runScript(
                "pgbouncer.sh", ["start", directory, String(databasePort)], environment: ["PGBOUNCER_WATCH_PID": String(getpid())])
            guard let port = values["PGBOUNCER_PORT"].flatMap(Int.init), let prepared = values["PGBOUNCER_PREPARED_STATEMENTS"],
                let log = values["PGBOUNCER_LOG"]
            else { return .failure(TestSupportError("unexpected output from scripts/pgbouncer.sh: \(values)")) }
            let pooler = Pooler(directory: directory, port: port, preparedStatements: prepared == "true", log: log)
            let server = try GerbangProcess(environment: [
                "DATABASE_URL": pooler.url, "LISTEN_DATABASE_URL": direct,
                "DB_PREPARED_STATEMENTS": pooler.preparedStatements ? "true" : "false",
            ])
            return .success((pooler, server))
        } catch let error as TestSupportError {
            return .failure(error)
        } catch {
            return .failure(TestSupportError("\(error)"))
        }
    }

    /// Runs `steps` and expects pgbouncer to have counted transactions for them, and the server to have
    /// logged no database error (a pooler that loses a session's prepared statement or setting shows there).
    func throughPgBouncer(_ steps: (Pooler, GerbangProcess) throws -> Void) throws {
        let (pooler, server) = try Self.setUp.get()
        let before = try pooler.transactions()
        try steps(pooler, server)
        let after = try pooler.transactions()
        #expect(after > before, "pgbouncer counted no transactions (\(before) → \(after)):\n\(pooler.logTail)")
        #expect(!server.log.contains("PostgreSQL "), "the server logged a database error:\n\(server.log)")
    }

    @Test func aBuyerPaysInTheSandboxAndSeesTheirCodes() throws {
        try throughPgBouncer { _, server in
            let shop = try Shop.open()
            let profileID = try shop.addProfile(name: "Pooled day", price: 5_000)
            let browser = Browser(server: server, host: shop.host)
            browser.setCookie("lang", "en")
            let home = try browser.get("/")
            #expect(home.status == 200)
            #expect(home.text.contains("/vouchers/\(profileID.uuidString.lowercased())"))

            let placed = try OrderAttempt.start(browser, profileID: profileID).submit(quantity: "2")
            #expect(placed.status == 303)
            let number = try #require(placed.orderNumber)
            #expect(placed.location.hasPrefix("/sandbox/checkout/\(number)"))
            let checkout = try browser.get(placed.location)
            #expect(checkout.status == 200)
            let csrf = try #require(Browser.hiddenValue("_csrf", in: checkout.text))
            let paid = try browser.post("/sandbox/checkout/\(number)", [("_csrf", csrf), ("outcome", "pay")])
            #expect(paid.status == 303)

            let status = try browser.get(paid.location)
            #expect(status.text.contains("Payment received"))
            let codes = try TestDatabase.owner.query("select code from vouchers where tenant_id = $1", shop.tenantID)
                .map { try $0.decode("code", as: String.self) }
            #expect(codes.count == 2)
            for code in codes { #expect(status.text.contains("<code>\(code)</code>")) }
        }
    }

    @Test func aSubscriberSignsInAndSeesTheirInvoices() throws {
        try throughPgBouncer { _, server in
            let tenant = try PortalFixtures.tenant()
            let subscriber = try PortalFixtures.subscriber(tenantID: tenant.id)
            let invoice = try PortalFixtures.invoice(for: subscriber, period: "2026-11")
            let browser = PortalBrowser(server: server, host: tenant.host)
            #expect(try browser.logIn(subscriber.customerNumber, subscriber.password).status == 303)
            let page = try browser.get("/portal/invoices")
            #expect(page.status == 200)
            #expect(page.text.contains(invoice.number))
        }
    }

    /// The save goes through pgbouncer; the home page changes because the direct LISTEN connection heard
    /// the branding trigger's NOTIFY (the save itself drops no cache).
    @Test func anAdminsBrandingSaveShowsOnTheHomePage() throws {
        try throughPgBouncer { _, server in
            let admin = try AdminFixtures.tenantWithAdmin()
            let home = try TestHTTPClient.request(port: server.port, path: "/", host: admin.host)
            #expect(home.status == 200)
            #expect(!home.text.contains("Renamed ISP"))

            let browser = try AdminFixtures.signedIn(admin, server: server)
            try browser.get("/admin/branding")
            #expect(try browser.postMultipart("/admin/branding", AdminFixtures.brandingFields(), file: nil).status == 303)
            try eventually(within: .seconds(2)) {
                try TestHTTPClient.request(port: server.port, path: "/", host: admin.host).text.contains("Renamed ISP")
            }
        }
    }

    @Test func aHeadOfficeAdminSignsIn() throws {
        try throughPgBouncer { _, server in
            let (browser, _) = try HeadOfficeFixtures.signedIn(server: server)
            #expect(try browser.get("/head-office").text.contains("Add a tenant"))
        }
    }

    /// The server's pool is pgbouncer's client, and a session through pgbouncer still gets the application's
    /// settings (pgbouncer drops those in the startup packet; the role carries them).
    @Test func theServersConnectionsAreClientsOfPgBouncerWithTheApplicationsSettings() throws {
        let (pooler, server) = try Self.setUp.get()
        #expect(try TestHTTPClient.request(port: server.port, path: "/healthz").status == 200)
        let clients = try pooler.show("clients").filter { $0["database"] == "gerbang" && $0["user"] == "gerbang_app" }
        #expect(!clients.isEmpty, "no client of pgbouncer is the server")

        var configuration = try PostgresConfiguration(url: pooler.url)
        configuration.poolSize = 1
        configuration.preparesStatements = pooler.preparedStatements
        let row = try #require(
            try PostgresPool(configuration: configuration).query(
                """
                select current_setting('statement_timeout') as timeout, current_setting('TimeZone') as zone,
                    current_setting('jit') as jit
                """
            ).first)
        #expect(try row.decode("timeout", as: String.self) == "15s")
        #expect(try row.decode("jit", as: String.self) == "off")
        #expect(try row.decode("zone", as: String.self) == "UTC")
    }
}
