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
        try browser.get("/admin/vouchers")
        let generated = try browser.post(
            "/admin/vouchers",
            [
                "package": profileID.uuidString.lowercased(), "quantity": "3", "code_length": "8", "alphabet": "unambiguous",
                "prefix": "", "password": "separate", "reseller": "",
            ])
        try #require(generated.status == 303, "generate answered \(generated.status)")
        let batchID = try #require(
            try TestDatabase.owner.query("select id from voucher_batches where tenant_id = $1", admin.tenantID).first?
                .decode("id", as: UUID.self))
        let cards = try TestDatabase.owner.query("select code, password from vouchers where batch_id = $1 order by code", batchID)
            .map { (try $0.decode("code", as: String.self), try $0.decode("password", as: String.self)) }
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
