import Foundation
import TestSupport
import Testing

/// A printed batch in the real FreeRADIUS of `FreeRADIUSTests`: its codes log in on a router of the
/// tenant with the package's limits, and once the batch is disabled its unused codes are refused while
/// a code already in use keeps working.
@Suite(.serialized) struct FreeRADIUSBatchTests {
    @Test func aDisabledBatchsUnusedCodesAreRejectedAndEnablingRestoresThem() throws {
        let server = try FreeRADIUSTests.server.get()
        let admin = try AdminFixtures.tenantWithAdmin()
        let profileID = try StoreFixtures.profile(tenantID: admin.tenantID)
        let router = try TestRouter.register(tenantID: admin.tenantID)
        let browser = try AdminFixtures.signedIn(admin)
        let (batchID, cards) = try AdminFixtures.printedBatch(
            by: browser, tenantID: admin.tenantID, profileID: profileID, ["quantity": "3", "password": "separate"])
        try #require(cards.count == 3)

        for (code, password) in cards {
            let accepted = try RadiusClient.login(code, password, at: router, on: server)
            #expect(accepted.contains("Received Access-Accept"), "radclient:\n\(accepted)\n\(server.logTail)")
            #expect(RadiusClient.value("Session-Timeout", in: accepted) == "10800")
            #expect(!(try RadiusClient.login(code, code, at: router, on: server)).contains("Received Access-Accept"))
        }
        let (usedCode, usedPassword) = cards[0]
        #expect(
            try RadiusClient.account("Start", user: usedCode, session: "b1", at: router, on: server)
                .contains("Accounting-Response"))

        let path = "/admin/vouchers/\(batchID.uuidString.lowercased())"
        try browser.get("/admin/vouchers")
        #expect(try browser.post(path + "/disable").status == 303)
        for (code, password) in cards.dropFirst() {
            let rejected = try RadiusClient.login(code, password, at: router, on: server)
            #expect(rejected.contains("Received Access-Reject"), "radclient:\n\(rejected)\n\(server.logTail)")
        }
        let stillUsed = try RadiusClient.login(usedCode, usedPassword, at: router, on: server)
        #expect(stillUsed.contains("Received Access-Accept"), "radclient:\n\(stillUsed)\n\(server.logTail)")

        try browser.get("/admin/vouchers")
        #expect(try browser.post(path + "/enable").status == 303)
        let (code, password) = cards[1]
        let restored = try RadiusClient.login(code, password, at: router, on: server)
        #expect(restored.contains("Received Access-Accept"), "radclient:\n\(restored)\n\(server.logTail)")
        #expect(try AdminFixtures.auditRows(tenantID: admin.tenantID) == 3)
    }
}
