import Foundation
import TestSupport
import Testing

/// What was sold holds across sessions, in the real FreeRADIUS of `FreeRADIUSTests`: validity from the
/// first log-in or from purchase, and the data quota, counted over `radacct` rows as FreeRADIUS writes
/// them from the router's accounting (back-dated where a test needs time to pass).
@Suite(.serialized) struct FreeRADIUSLimitsTests {
    typealias F = StoreFixtures

    static func sessionTimeout(_ reply: String) -> Int? {
        RadiusClient.value("Session-Timeout", in: reply).flatMap(Int.init)
    }

    @Test func validityFromFirstLoginShrinksWithEachSessionAndEndsWhateverTheNumberOfSessions() throws {
        let server = try FreeRADIUSTests.server.get()
        var profile = F.Profile()
        profile.validityMinutes = 1_440
        profile.quotaMB = nil
        let (code, router) = try FreeRADIUSTests.boughtCode(profile)

        let first = try RadiusClient.login(code, code, at: router, on: server)
        #expect(first.contains("Received Access-Accept"), "radclient:\n\(first)\n\(server.logTail)")
        #expect(Self.sessionTimeout(first) == 86_400, "radclient:\n\(first)")

        // A first session, then a second: the day runs from the first one's start.
        for session in ["s1", "s2"] {
            #expect(
                try RadiusClient.account("Start", user: code, session: session, at: router, on: server)
                    .contains("Accounting-Response"))
            #expect(
                try RadiusClient.account("Stop", user: code, session: session, seconds: 600, at: router, on: server)
                    .contains("Accounting-Response"))
        }
        let stamped = try F.owner.query(
            "select count(*) as n from radacct where username = $1 and tenant_id = $2 and acctstoptime is not null",
            code, router.tenantID
        ).first!.decode("n", as: Int.self)
        #expect(stamped == 2)
        try F.owner.query(
            "update radacct set acctstarttime = acctstarttime - interval '5 hours' where username = $1 and acctsessionid = 's1'",
            code)
        let later = try RadiusClient.login(code, code, at: router, on: server)
        #expect(later.contains("Received Access-Accept"), "radclient:\n\(later)")
        let left = try #require(Self.sessionTimeout(later), "radclient:\n\(later)")
        #expect((86_400 - 5 * 3_600 - 60)...(86_400 - 5 * 3_600) ~= left)

        try F.owner.query(
            "update radacct set acctstarttime = acctstarttime - interval '1 day' where username = $1 and acctsessionid = 's1'",
            code)
        let expired = try RadiusClient.login(code, code, at: router, on: server)
        #expect(expired.contains("Received Access-Reject"), "radclient:\n\(expired)\n\(server.logTail)")
        #expect(try RadiusClient.lastRejectReason(code) == "validity ended")
    }

    @Test func validityFromPurchaseCountsWithoutAnyLogin() throws {
        let server = try FreeRADIUSTests.server.get()
        var profile = F.Profile()
        profile.validityMinutes = 60
        profile.validityFrom = "purchase"
        let (code, router) = try FreeRADIUSTests.boughtCode(profile)

        let fresh = try RadiusClient.login(code, code, at: router, on: server)
        #expect(fresh.contains("Received Access-Accept"), "radclient:\n\(fresh)\n\(server.logTail)")
        let left = try #require(Self.sessionTimeout(fresh), "radclient:\n\(fresh)")
        #expect((3_600 - 120)...3_600 ~= left)

        // As if bought two hours ago.
        try F.owner.query(
            "update radcheck set value = (value::bigint - 7200)::text where username = $1 and attribute = 'Expiration'", code)
        let expired = try RadiusClient.login(code, code, at: router, on: server)
        #expect(expired.contains("Received Access-Reject"), "radclient:\n\(expired)\n\(server.logTail)")
        #expect(try RadiusClient.lastRejectReason(code) == "validity ended")
    }

    @Test func dataQuotaIsSharedByEverySessionAndRefusedOnceUsedUp() throws {
        let server = try FreeRADIUSTests.server.get()
        var profile = F.Profile()
        profile.quotaMB = 1
        let (code, router) = try FreeRADIUSTests.boughtCode(profile)
        let quota: Int64 = 1_048_576

        var used: Int64 = 0
        for (index, bytes) in [Int64(400_000), 400_000, 300_000].enumerated() {
            let reply = try RadiusClient.login(code, code, at: router, on: server)
            #expect(reply.contains("Received Access-Accept"), "radclient:\n\(reply)\n\(server.logTail)")
            #expect(RadiusClient.value("Mikrotik-Total-Limit", in: reply) == String(quota - used), "radclient:\n\(reply)")
            #expect(RadiusClient.value("Mikrotik-Total-Limit-Gigawords", in: reply) == nil)
            let session = "q\(index)"
            _ = try RadiusClient.account("Start", user: code, session: session, at: router, on: server)
            _ = try RadiusClient.account("Stop", user: code, session: session, seconds: 60, bytes: bytes, at: router, on: server)
            used += bytes
        }
        let refused = try RadiusClient.login(code, code, at: router, on: server)
        #expect(refused.contains("Received Access-Reject"), "radclient:\n\(refused)\n\(server.logTail)")
        #expect(try RadiusClient.lastRejectReason(code) == "data used up")
    }

    @Test func aQuotaAbove4GiBLeavesTheRestInGigawords() throws {
        let server = try FreeRADIUSTests.server.get()
        var profile = F.Profile()
        profile.quotaMB = 10_240
        let (code, router) = try FreeRADIUSTests.boughtCode(profile)
        _ = try RadiusClient.account("Start", user: code, session: "g1", at: router, on: server)
        _ = try RadiusClient.account("Stop", user: code, session: "g1", seconds: 60, bytes: 5 << 30, at: router, on: server)

        let reply = try RadiusClient.login(code, code, at: router, on: server)
        #expect(reply.contains("Received Access-Accept"), "radclient:\n\(reply)\n\(server.logTail)")
        // 10 GiB − 5 GiB = 5 GiB = 1 × 2^32 + 1 GiB
        #expect(RadiusClient.value("Mikrotik-Total-Limit-Gigawords", in: reply) == "1", "radclient:\n\(reply)")
        #expect(RadiusClient.value("Mikrotik-Total-Limit", in: reply) == String(1 << 30), "radclient:\n\(reply)")
    }

    /// The buyer's order page says what each code has left, from the same accounting FreeRADIUS counts.
    @Test func theOrderPageShowsWhatTheCodeHasLeft() throws {
        let server = try FreeRADIUSTests.server.get()
        var profile = F.Profile()
        profile.validityMinutes = 1_440
        profile.quotaMB = 1
        let bought = try FreeRADIUSTests.buy(profile)
        let page = { try SharedServer.get(bought.orderPath, host: bought.host, headers: [("Accept-Language", "en")]).text }
        let unused = try page()
        #expect(unused.contains("Not used yet"), "\(unused)")

        _ = try RadiusClient.account("Start", user: bought.code, session: "p1", at: bought.router, on: server)
        let inUse = try page()
        #expect(inUse.contains("In use since"), "\(inUse)")
        #expect(inUse.contains("Online now"))
        #expect(inUse.contains("23 hours left") || inUse.contains("1 day left"), "\(inUse)")
        #expect(inUse.contains("1 MB of data left"), "\(inUse)")

        _ = try RadiusClient.account(
            "Stop", user: bought.code, session: "p1", seconds: 60, bytes: 1_048_576, at: bought.router, on: server)
        #expect(try page().contains("Used up"))
    }
}
