import Foundation
import TestSupport
import Testing

/// A plan and a subscriber made in the admin, end to end against the real FreeRADIUS of
/// `FreeRADIUSTests`: the PPPoE account logs in with CHAP and MS-CHAP (what RouterOS's PPPoE server
/// offers before PAP; radclient computes each response from the clear text it is given) and gets the
/// plan's rate limit, is refused while suspended (CHAP and PAP alike), and logs in again once restored; the portal takes the portal
/// password given in the same form.
@Suite(.serialized) struct FreeRADIUSSubscriberTests {
    static func chapLogin(_ user: String, _ password: String, at router: TestRouter, on server: FreeRADIUSTests.Server)
        throws -> String
    {
        try RadiusClient.send(
            ["User-Name = \"\(user)\"", "CHAP-Password = \"\(password)\""], from: router, to: server.authPort)
    }

    @Test func aSubscriberMadeInTheAdminLogsInToThePortalAndPPPoEUntilSuspendedAndAgainWhenRestored() throws {
        let server = try FreeRADIUSTests.server.get()
        let admin = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/plans/new")
        let plan = try browser.post(
            "/admin/plans/new",
            [
                "name": "Rumah 20", "price": "200.000", "download_kbps": "20 Mbps", "upload_kbps": "5 Mbps",
                "radius_group": "rumah20", "is_active": "on",
            ])
        try #require(plan.status == 303, "\(plan.status): \(plan.text)")
        let planID = try TestDatabase.owner.query("select id::text from plans where tenant_id = $1", admin.tenantID)
            .first!.decode("id", as: String.self)

        let username = "budi\(PortalFixtures.uniqueCode().lowercased())@rumah.net"
        let password = "Ppp-\(PortalFixtures.uniqueCode())"
        try browser.get("/admin/subscribers/new")
        let created = try browser.post(
            "/admin/subscribers/new",
            [
                "name": "Budi Rumah", "pppoe_username": username, "pppoe_password": password, "plan_id": planID,
                "portal_password": "portal-Pass-9", "billing_day": "5",
            ])
        try #require(created.status == 303, "\(created.status): \(created.text)")
        let id = try AdminSubscribersTests.createdID(created)

        let portal = PortalBrowser(host: admin.host)
        #expect(try portal.logIn(username, "portal-Pass-9").status == 303)
        #expect(try portal.get("/portal").text.contains("Budi Rumah"))

        let router = try TestRouter.register(tenantID: admin.tenantID, kind: "pppoe")
        let accepted = try Self.chapLogin(username, password, at: router, on: server)
        #expect(accepted.contains("Received Access-Accept"), "radclient:\n\(accepted)\n\(server.logTail)")
        #expect(RadiusClient.value("Mikrotik-Rate-Limit", in: accepted) == "5000k/20000k", "radclient:\n\(accepted)")
        // MS-CHAP (radclient computes the v1 response from `MS-CHAP-Password`) checks against the same clear text.
        let mschap = try RadiusClient.send(
            ["User-Name = \"\(username)\"", "MS-CHAP-Password = \"\(password)\""], from: router, to: server.authPort)
        #expect(mschap.contains("Received Access-Accept"), "radclient:\n\(mschap)\n\(server.logTail)")
        let wrong = try Self.chapLogin(username, password + "x", at: router, on: server)
        #expect(wrong.contains("Received Access-Reject"), "radclient:\n\(wrong)")

        try browser.get("/admin/subscribers/\(id)")
        #expect(try browser.post("/admin/subscribers/\(id)/suspend", ["reason": "Renovation"]).status == 303)
        let suspended = try Self.chapLogin(username, password, at: router, on: server)
        #expect(suspended.contains("Received Access-Reject"), "radclient:\n\(suspended)\n\(server.logTail)")
        #expect(try RadiusClient.lastRejectReason(username) == "subscriber suspended")
        let pap = try RadiusClient.login(username, password, at: router, on: server)
        #expect(pap.contains("Received Access-Reject"), "radclient:\n\(pap)")

        #expect(try browser.post("/admin/subscribers/\(id)/restore", ["reason": "Back home"]).status == 303)
        let restored = try Self.chapLogin(username, password, at: router, on: server)
        #expect(restored.contains("Received Access-Accept"), "radclient:\n\(restored)\n\(server.logTail)")
        #expect(RadiusClient.value("Mikrotik-Rate-Limit", in: restored) == "5000k/20000k", "radclient:\n\(restored)")
    }
}
