import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing
import TestSupport

/// A real FreeRADIUS 3 (started by `scripts/freeradius.sh` once per test process, on loopback)
/// reading the test database: a voucher bought through a signed webhook logs in with its profile's
/// rate limit; an unknown code does not; an isolated subscriber's PPPoE login gets the isolation
/// group's replies until a signed webhook pays its overdue invoice, then its plan's.
@Suite(.serialized) struct FreeRADIUSTests {
    typealias F = StoreFixtures

    struct Server: Sendable {
        let authPort: Int
        let secret: String
        let log: String

        var logTail: String {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no log at \(log))"
            return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(60).joined(separator: "\n")
        }
    }

    /// Started once; it stops by itself when this test process exits (RADIUS_WATCH_PID).
    static let server: Result<Server, TestSupportError> = start()

    static func start() -> Result<Server, TestSupportError> {
        do {
            let url = try TestEnvironment.require("DATABASE_URL")
            guard let port = URLComponents(string: url)?.port else {
                return .failure(TestSupportError("DATABASE_URL has no port: \(url)"))
            }
            let directory = NSTemporaryDirectory() + "gerbang-freeradius-\(getpid())"
            let values = try GerbangProcess.runScript(
                "freeradius.sh", ["start", directory, String(port)],
                environment: ["RADIUS_WATCH_PID": String(getpid()), "RADIUS_SECRET": "gerbang-test-" + RandomCode.make(8)])
            guard let auth = values["RADIUS_AUTH_PORT"].flatMap(Int.init), let secret = values["RADIUS_SECRET"],
                let log = values["RADIUS_LOG"]
            else { return .failure(TestSupportError("unexpected output from scripts/freeradius.sh: \(values)")) }
            return .success(Server(authPort: auth, secret: secret, log: log))
        } catch let error as TestSupportError {
            return .failure(error)
        } catch {
            return .failure(TestSupportError("\(error)"))
        }
    }

    static func radtest(_ user: String, _ password: String, on server: Server) throws -> String {
        let radtest = FileManager.default.isExecutableFile(atPath: "/usr/bin/radtest") ? "/usr/bin/radtest" : "/usr/local/bin/radtest"
        return try ChildProcess.run(radtest, [user, password, "127.0.0.1:\(server.authPort)", "0", server.secret]).output
    }

    @Test func purchasedVoucherCodeIsAcceptedWithItsProfilesRateLimit() throws {
        let server = try Self.server.get()
        let secret = RandomCode.make(32)
        let tenant = try F.tenant(provider: "sandbox", settings: ["secret": secret])
        var profile = F.Profile()
        profile.downloadKbps = 3_072
        profile.uploadKbps = 768
        let order = try F.order(
            tenantID: tenant.id, profileID: try F.profile(tenantID: tenant.id, profile), gatewayID: tenant.gatewayID,
            provider: "sandbox", quantity: 1)
        let body = try F.sandboxBody(reference: order.number, status: "paid", amount: order.amount)
        let paid = try F.deliver(
            "sandbox", body: body, headers: [("X-Sandbox-Signature", try F.hmacSHA256Hex(key: secret, message: body))])
        try #require(paid.status == 200, "webhook answered \(paid.status): \(paid.text)")
        let code = try #require(
            try F.owner.query("select code from vouchers where order_id = $1", order.id).first?.decode("code", as: String.self))

        let reply = try Self.radtest(code, code, on: server)
        #expect(reply.contains("Received Access-Accept"), "radtest:\n\(reply)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(reply.contains("Mikrotik-Rate-Limit = \"768k/3072k\""), "radtest:\n\(reply)")
        #expect(reply.contains("Session-Timeout = 10800"), "radtest:\n\(reply)")

        let wrongPassword = try Self.radtest(code, code + "X", on: server)
        #expect(wrongPassword.contains("Received Access-Reject"), "radtest:\n\(wrongPassword)")
    }

    @Test func isolatedSubscriberGetsItsPlansAttributesOnceItsOverdueInvoiceIsPaid() throws {
        let server = try Self.server.get()
        let shop = try InvoiceShop.open()
        let subscriber = try shop.subscriber(isolated: true)
        let invoice = try shop.invoice(for: subscriber, dueInDays: -15, opened: true)

        let before = try Self.radtest(subscriber.pppoeUsername, InvoiceShop.pppoePassword, on: server)
        #expect(before.contains("Received Access-Accept"), "radtest:\n\(before)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(before.contains("Mikrotik-Rate-Limit = \"\(InvoiceShop.isolationRateLimit)\""), "radtest:\n\(before)")
        #expect(before.contains("Mikrotik-Address-List = \"isolir\""), "radtest:\n\(before)")

        let paid = try shop.deliver(invoice)
        try #require(paid.status == 200, "webhook answered \(paid.status): \(paid.text)")

        let after = try Self.radtest(subscriber.pppoeUsername, InvoiceShop.pppoePassword, on: server)
        #expect(after.contains("Received Access-Accept"), "radtest:\n\(after)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(after.contains("Mikrotik-Rate-Limit = \"\(InvoiceShop.planRateLimit)\""), "radtest:\n\(after)")
        #expect(!after.contains("Mikrotik-Address-List"), "radtest:\n\(after)")
    }

    @Test func unknownCodeIsRejected() throws {
        let server = try Self.server.get()
        let code = RandomCode.make(10)
        let reply = try Self.radtest(code, code, on: server)
        #expect(reply.contains("Received Access-Reject"), "radtest:\n\(reply)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(!reply.contains("Received Access-Accept"))
    }
}
