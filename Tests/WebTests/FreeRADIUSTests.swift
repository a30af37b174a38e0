import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real FreeRADIUS 3 running the configuration in deploy/freeradius/ (started by
/// `scripts/freeradius.sh` once per test process, on loopback) against the test database. Routers are
/// loopback addresses registered as a tenant's `nas` rows: a voucher bought through a signed webhook logs
/// in with its profile's rate limit on its ISP's router and nowhere else; an unknown code does not; an
/// isolated subscriber's PPPoE login gets the isolation group's replies until a signed webhook pays its
/// overdue invoice, then its plan's.
@Suite(.serialized) struct FreeRADIUSTests {
    typealias F = StoreFixtures

    struct Server: Sendable {
        let authPort: Int
        let acctPort: Int
        let log: String

        var logTail: String {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no log at \(log))"
            return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(60).joined(separator: "\n")
        }
    }

    /// Started once; it stops by itself when this test process exits (RADIUS_WATCH_PID).
    static let server: Result<Server, TestSupportError> = start()

    /// - Parameter databaseName: another database of the test cluster (the demo's); nil: the tests' own.
    static func start(databaseName: String? = nil) -> Result<Server, TestSupportError> {
        do {
            let url = try TestEnvironment.require("DATABASE_URL")
            guard let port = URLComponents(string: url)?.port else {
                return .failure(TestSupportError("DATABASE_URL has no port: \(url)"))
            }
            let directory = NSTemporaryDirectory() + "gerbang-freeradius-\(getpid())" + (databaseName.map { "-" + $0 } ?? "")
            var environment = ["RADIUS_WATCH_PID": String(getpid())]
            if let databaseName { environment["RADIUS_DB_NAME"] = databaseName }
            let values = try GerbangProcess.runScript("freeradius.sh", ["start", directory, String(port)], environment: environment)
            guard let auth = values["RADIUS_AUTH_PORT"].flatMap(Int.init),
                let acct = values["RADIUS_ACCT_PORT"].flatMap(Int.init), let log = values["RADIUS_LOG"]
            else { return .failure(TestSupportError("unexpected output from scripts/freeradius.sh: \(values)")) }
            return .success(Server(authPort: auth, acctPort: acct, log: log))
        } catch let error as TestSupportError {
            return .failure(error)
        } catch {
            return .failure(TestSupportError("\(error)"))
        }
    }

    struct Bought {
        let code: String
        let router: TestRouter
        /// The buyer's order page, with its access token.
        let orderPath: String
        let host: String
    }

    /// A code bought through a signed sandbox webhook, from a tenant of its own with one router.
    static func boughtCode(_ profile: F.Profile = F.Profile()) throws -> (code: String, router: TestRouter) {
        let bought = try buy(profile)
        return (bought.code, bought.router)
    }

    static func buy(_ profile: F.Profile = F.Profile()) throws -> Bought {
        let secret = RandomCode.make(32)
        let tenant = try F.tenant(provider: "sandbox", settings: ["secret": secret])
        let order = try F.order(
            tenantID: tenant.id, profileID: try F.profile(tenantID: tenant.id, profile), gatewayID: tenant.gatewayID,
            provider: "sandbox", quantity: 1)
        let body = try F.sandboxBody(reference: order.number, status: "paid", amount: order.amount)
        let paid = try F.deliver(
            "sandbox", body: body, headers: [("X-Sandbox-Signature", try F.hmacSHA256Hex(key: secret, message: body))])
        try #require(paid.status == 200, "webhook answered \(paid.status): \(paid.text)")
        let code = try #require(
            try F.owner.query("select code from vouchers where order_id = $1", order.id).first?.decode("code", as: String.self))
        let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try F.owner.query(
            "update voucher_orders set access_token_hash = encode(sha256(convert_to($2, 'UTF8')), 'hex') where id = $1",
            order.id, token)
        return Bought(
            code: code, router: try TestRouter.register(tenantID: tenant.id),
            orderPath: "/orders/\(order.number)?t=\(token)", host: tenant.slug + ".localhost")
    }

    /// A router of a tenant that sold nothing.
    static func otherISPsRouter() throws -> TestRouter {
        try TestRouter.register(tenantID: try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("other"), name: "Other ISP").id)
    }

    @Test func purchasedVoucherCodeIsAcceptedOnItsISPsRouterWithItsProfilesRateLimitAndNowhereElse() throws {
        let server = try Self.server.get()
        var profile = F.Profile()
        profile.downloadKbps = 3_072
        profile.uploadKbps = 768
        let (code, router) = try Self.boughtCode(profile)

        let reply = try RadiusClient.login(code, code, at: router, on: server)
        #expect(reply.contains("Received Access-Accept"), "radclient:\n\(reply)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(reply.contains("Mikrotik-Rate-Limit = \"768k/3072k\""), "radclient:\n\(reply)")
        #expect(reply.contains("Session-Timeout = 10800"), "radclient:\n\(reply)")

        let wrongPassword = try RadiusClient.login(code, code + "X", at: router, on: server)
        #expect(wrongPassword.contains("Received Access-Reject"), "radclient:\n\(wrongPassword)")

        let elsewhere = try RadiusClient.login(code, code, at: try Self.otherISPsRouter(), on: server)
        #expect(elsewhere.contains("Received Access-Reject"), "radclient:\n\(elsewhere)\n\(server.logTail)")
        #expect(try RadiusClient.lastRejectReason(code) == "user of another ISP")
    }

    @Test func isolatedSubscriberGetsItsPlansAttributesOnceItsOverdueInvoiceIsPaid() throws {
        let server = try Self.server.get()
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber(isolated: true)
        let invoice = try shop.invoice(for: subscriber, dueInDays: -15, opened: true)
        let router = try TestRouter.register(tenantID: shop.tenantID, kind: "pppoe")
        let login = { try RadiusClient.login(subscriber.pppoeUsername, InvoiceShop.pppoePassword, at: router, on: server) }

        let before = try login()
        #expect(before.contains("Received Access-Accept"), "radclient:\n\(before)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(before.contains("Mikrotik-Rate-Limit = \"\(InvoiceShop.isolationRateLimit)\""), "radclient:\n\(before)")
        #expect(before.contains("Mikrotik-Address-List = \"isolir\""), "radclient:\n\(before)")

        let paid = try shop.deliver(invoice)
        try #require(paid.status == 200, "webhook answered \(paid.status): \(paid.text)")

        let after = try login()
        #expect(after.contains("Received Access-Accept"), "radclient:\n\(after)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(after.contains("Mikrotik-Rate-Limit = \"\(InvoiceShop.planRateLimit)\""), "radclient:\n\(after)")
        #expect(!after.contains("Mikrotik-Address-List"), "radclient:\n\(after)")

        let elsewhere = try RadiusClient.login(
            subscriber.pppoeUsername, InvoiceShop.pppoePassword, at: try Self.otherISPsRouter(), on: server)
        #expect(elsewhere.contains("Received Access-Reject"), "radclient:\n\(elsewhere)")
        #expect(try RadiusClient.lastRejectReason(subscriber.pppoeUsername) == "user of another ISP")
    }

    @Test func unknownCodeIsRejectedAndTheReasonLogged() throws {
        let server = try Self.server.get()
        let code = RandomCode.make(10)
        let reply = try RadiusClient.login(code, code, at: try Self.otherISPsRouter(), on: server)
        #expect(reply.contains("Received Access-Reject"), "radclient:\n\(reply)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(!reply.contains("Received Access-Accept"))
        #expect(try RadiusClient.lastRejectReason(code) == "unknown user")
    }

    /// Two ISPs may each have a PPPoE user of the same name: each logs in with its own password on its
    /// own router.
    @Test func theSameUserNameAtTwoISPsIsTwoAccounts() throws {
        let server = try Self.server.get()
        let name = "budi" + RandomCode.make(6).lowercased()
        var routers: [TestRouter] = []
        for password in ["first-" + RandomCode.make(8), "second-" + RandomCode.make(8)] {
            let tenant = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("same"), name: "Same name ISP")
            try F.owner.query(
                "insert into radcheck (username, attribute, op, value, tenant_id) values ($1, 'Cleartext-Password', ':=', $2, $3)",
                name, password, tenant.id)
            let router = try TestRouter.register(tenantID: tenant.id, kind: "pppoe")
            routers.append(router)
            let own = try RadiusClient.login(name, password, at: router, on: server)
            #expect(own.contains("Received Access-Accept"), "radclient:\n\(own)\n\(server.logTail)")
        }
        let crossed = try RadiusClient.login(name, "second-x", at: routers[0], on: server)
        #expect(crossed.contains("Received Access-Reject"))
    }

    /// FreeRADIUS reads a router when it first asks (dynamic clients): one added in the admin is answered
    /// at once, with no reload or restart.
    @Test func aRouterAddedInTheAdminIsAnsweredWithoutARestart() throws {
        let server = try Self.server.get()
        let admin = try AdminFixtures.tenantWithAdmin()
        let user = "pppoe" + RandomCode.make(8).lowercased()
        try F.owner.query(
            "insert into radcheck (username, attribute, op, value, tenant_id) values ($1, 'Cleartext-Password', ':=', 'pw-12345', $2)",
            user, admin.tenantID)
        let router = TestRouter(
            tenantID: admin.tenantID,
            address: "127.\(Int.random(in: 10...250)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))",
            secret: "admin-" + RandomCode.make(12))

        let unknown = try RadiusClient.login(user, "pw-12345", at: router, on: server, tries: 1)
        #expect(unknown.contains("No reply"), "radclient:\n\(unknown)")

        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/routers/new")
        let added = try browser.post(
            "/admin/routers/new",
            ["name": "New router", "address": router.address, "secret": router.secret, "kind": "pppoe", "coa_port": "3799"])
        try #require(added.status == 303, "\(added.status): \(added.text)")

        let answered = try RadiusClient.login(user, "pw-12345", at: router, on: server)
        #expect(answered.contains("Received Access-Accept"), "radclient:\n\(answered)\n\(server.logTail)")
    }

    /// FreeRADIUS's SQL escaping holds in our queries: a user name written as SQL is data, refused, and
    /// logged (in FreeRADIUS's escaped form, `'` as `=27`) with its reason.
    @Test func aUserNameWrittenAsSQLIsRefusedAndLoggedAsData() throws {
        let server = try Self.server.get()
        let (_, router) = try Self.boughtCode()
        for name in ["x'OR'1'='1", "';DROP/**/TABLE/**/nas;--"] {
            let reply = try RadiusClient.login(name, "x'OR'1'='1", at: router, on: server)
            #expect(reply.contains("Received Access-Reject"), "radclient:\n\(reply)\n\(server.logTail)")
        }
        let logged = try F.owner.query(
            "select username, reason from radpostauth where nasipaddress = $1::inet order by id", router.address
        ).map { (try $0.decode("username", as: String.self), $0.decode("reason", as: String?.self)) }
        #expect(logged.map(\.0) == ["x=27OR=271=27=3D=271", "=27=3BDROP/=2A=2A/TABLE/=2A=2A/nas=3B--"])
        #expect(logged.allSatisfy { $0.1 == "unknown user" })
        #expect(try F.owner.query("select 1 from nas where nasname = $1", router.address).count == 1)
    }
}
