import Foundation
import TestSupport
import Testing

@testable import Web

#if canImport(Glibc)
    import Glibc
#endif

/// `/admin/sessions`: who is online, from the accounting the tests' real FreeRADIUS writes, and the
/// Disconnect button, which reaches the router: a second FreeRADIUS listening as the router's CoA port
/// (`scripts/freeradius.sh coa`) stands in for it and acknowledges.
@Suite(.serialized) struct AdminSessionsTests {
    /// A stand-in router's CoA side on the router's own loopback address.
    struct CoAReceiver {
        let directory: String
        let log: String

        static func start(for router: TestRouter, port: Int) throws -> CoAReceiver {
            let directory = NSTemporaryDirectory() + "gerbang-coa-\(getpid())-\(port)"
            let (status, output) = try ChildProcess.run(
                GerbangProcess.repositoryRoot + "/scripts/freeradius.sh",
                ["coa", directory, router.address, String(port), router.secret],
                environment: ["RADIUS_WATCH_PID": String(getpid())])
            try #require(status == 0, "scripts/freeradius.sh coa failed:\n\(output)")
            return CoAReceiver(directory: directory, log: directory + "/radius.log")
        }

        func stop() {
            _ = try? ChildProcess.run(GerbangProcess.repositoryRoot + "/scripts/freeradius.sh", ["stop", directory])
        }

        var received: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
    }

    @Test func anOnlineUserIsListedAndDisconnectEndsTheSessionOnTheRouter() throws {
        let server = try FreeRADIUSTests.server.get()
        let admin = try AdminFixtures.tenantWithAdmin()
        let router = try TestRouter.register(tenantID: admin.tenantID)
        let coaPort = Int.random(in: 20_000...29_999)
        try TestDatabase.owner.query("update nas set coa_port = $2 where nasname = $1", router.address, coaPort)
        let receiver = try CoAReceiver.start(for: router, port: coaPort)
        defer { receiver.stop() }

        let user = "online" + RandomCode.make(6).lowercased()
        let session = "sess-" + RandomCode.make(8)
        let started = try RadiusClient.account("Start", user: user, session: session, at: router, on: server)
        try #require(started.contains("Accounting-Response"), "radclient:\n\(started)\n\(server.logTail)")

        let browser = try AdminFixtures.signedIn(admin)
        let online = try browser.get("/admin/sessions")
        #expect(online.status == 200)
        #expect(online.text.contains(user), "\(online.text)")
        #expect(online.text.contains("10.5.50.7"))
        #expect(online.text.contains(router.address))  // the router's name is its address in the fixture
        let id = try TestDatabase.owner.query(
            "select radacctid from radacct where username = $1 and tenant_id = $2", user, admin.tenantID
        ).first!.decode("radacctid", as: Int64.self)
        // Another tenant's admin cannot find it.
        let stranger = try AdminFixtures.signedIn(try AdminFixtures.tenantWithAdmin())
        try stranger.get("/admin/sessions")
        #expect(try stranger.post("/admin/sessions/\(id)/disconnect", [:]).status == 404)
        #expect(receiver.received.isEmpty || !receiver.received.contains(session))

        let ended = try browser.post("/admin/sessions/\(id)/disconnect", [:])
        #expect(ended.status == 303)
        #expect(ended.headers["Location"] == "/admin/sessions?result=acknowledged")
        #expect(receiver.received.contains(session), "the router saw no Disconnect-Request:\n\(receiver.received)")
        let after = try browser.get("/admin/sessions?result=acknowledged")
        #expect(after.text.contains("The router ended the session."))
        #expect(!after.text.contains(user))
        let cause = try TestDatabase.owner.query(
            "select acctterminatecause from radacct where radacctid = $1 and acctstoptime is not null", id
        ).first?.decode("acctterminatecause", as: String?.self)
        #expect(cause == "Admin-Reset")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 1)

    }

    @Test func aRouterThatDoesNotAnswerLeavesTheSessionOpenAndSaysSo() throws {
        let server = try FreeRADIUSTests.server.get()
        let admin = try AdminFixtures.tenantWithAdmin()
        let router = try TestRouter.register(tenantID: admin.tenantID)
        try TestDatabase.owner.query("update nas set coa_port = 9 where nasname = $1", router.address)
        let user = "silent" + RandomCode.make(6).lowercased()
        _ = try RadiusClient.account("Start", user: user, session: "s-" + RandomCode.make(6), at: router, on: server)
        let id = try TestDatabase.owner.query(
            "select radacctid from radacct where username = $1 and tenant_id = $2", user, admin.tenantID
        ).first!.decode("radacctid", as: Int64.self)

        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/sessions")
        let tried = try browser.post("/admin/sessions/\(id)/disconnect", [:])
        #expect(tried.headers["Location"] == "/admin/sessions?result=noAnswer")
        let page = try browser.get("/admin/sessions?result=noAnswer")
        #expect(page.text.contains("The router did not answer."))
        #expect(page.text.contains(user))
    }

    /// A session whose router stopped sending interim updates (rebooted) is closed after three missed
    /// intervals; a fresh one stays.
    @Test func staleSessionsAreClosedAndFreshOnesStay() throws {
        let server = try FreeRADIUSTests.server.get()
        let tenant = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("stale"), name: "Stale ISP")
        let router = try TestRouter.register(tenantID: tenant.id)
        let stale = "stale" + RandomCode.make(6).lowercased()
        let fresh = "fresh" + RandomCode.make(6).lowercased()
        for user in [stale, fresh] {
            _ = try RadiusClient.account("Start", user: user, session: user, at: router, on: server)
        }
        try TestDatabase.owner.query(
            """
            update radacct set acctstarttime = now() - interval '1 hour', acctupdatetime = now() - interval '20 minutes',
                acctinterval = 300
            where username = $1
            """, stale)
        try StaleSessionSweep(database: TestDatabase.owner).closeStaleSessionsOfAllTenants()
        let open = try TestDatabase.owner.query(
            "select username from radacct where tenant_id = $1 and acctstoptime is null order by username", tenant.id
        ).map { try $0.decode("username", as: String.self) }
        #expect(open == [fresh])
        let cause = try TestDatabase.owner.query("select acctterminatecause from radacct where username = $1", stale)
            .first?.decode("acctterminatecause", as: String?.self)
        #expect(cause == "Stale-Session")
    }
}
