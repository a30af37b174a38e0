import Foundation
import TestSupport
import Testing

@testable import Web

/// `vouchers.status` follows the accounting the tests' real FreeRADIUS writes (issued → used → expired),
/// and an expired code is retired from RADIUS once its grace period has passed: FreeRADIUS no longer
/// knows it, while the voucher stays as history. Times are back-dated the way the accounting would read
/// later on. The grace here is thirty days, longer than any other test back-dates, so this sweep never
/// retires another test's code (and their servers retire nothing: see GerbangProcess).
@Suite(.serialized) struct VoucherStateSweepTests {
    typealias F = StoreFixtures
    static let grace: Duration = .days(30)

    struct State: Equatable {
        let status: String
        let firstUsedAt: Date?
        let expiredAt: Date?
        let removedAt: Date?
    }

    static func state(_ code: String) throws -> State {
        let row = try #require(
            try F.owner.query(
                "select status, first_used_at, expired_at, radius_removed_at from vouchers where code = $1", code
            ).first)
        return State(
            status: try row.decode("status", as: String.self), firstUsedAt: row.decode("first_used_at", as: Date?.self),
            expiredAt: row.decode("expired_at", as: Date?.self), removedAt: row.decode("radius_removed_at", as: Date?.self))
    }

    static func radiusRows(_ code: String) throws -> Int {
        try F.owner.query(
            """
            select (select count(*) from radcheck where username = $1)
                + (select count(*) from radreply where username = $1)
                + (select count(*) from radusergroup where username = $1) as n
            """, code
        ).first!.decode("n", as: Int.self)
    }

    enum CodeSource: Sendable { case sold, printed }

    static func sweep() throws {
        try VoucherStateSweep(database: F.owner, grace: grace).sweep()
    }

    /// The purchase of a code's order, and so the end of a validity that runs from it, moved back.
    static func backdatePurchase(of code: String, by interval: String) throws {
        try F.owner.query(
            """
            with code as (
                update vouchers set valid_until = valid_until - $2::interval where code = $1 returning order_id
            )
            update voucher_orders set paid_at = paid_at - $2::interval where id = (select order_id from code)
            """, code, interval)
    }

    /// The database's clock, which the sweep and FreeRADIUS both use.
    static func databaseNow() throws -> Date {
        try F.owner.query("select now() as now").first!.decode("now", as: Date.self)
    }

    @Test func aCodeIsIssuedThenUsedFromItsFirstSessionThenExpiredWhenItsValidityEnds() throws {
        let server = try FreeRADIUSTests.server.get()
        var profile = F.Profile()
        profile.validityMinutes = 60
        profile.quotaMB = nil
        let (code, router) = try FreeRADIUSTests.boughtCode(profile)
        try Self.sweep()
        #expect(try Self.state(code).status == "issued")

        _ = try RadiusClient.account("Start", user: code, session: "v1", at: router, on: server)
        try Self.sweep()
        let used = try Self.state(code)
        #expect(used.status == "used")
        let firstUsed = try #require(used.firstUsedAt)
        #expect(abs(firstUsed.timeIntervalSince(try Self.databaseNow())) < 60)

        // Two hours later, as the accounting and the sweep would then see it.
        try F.owner.query(
            "update radacct set acctstarttime = acctstarttime - interval '2 hours' where username = $1", code)
        try F.owner.query(
            """
            update vouchers set first_used_at = first_used_at - interval '2 hours', valid_until = valid_until - interval '2 hours'
            where code = $1
            """, code)
        try Self.sweep()
        let expired = try Self.state(code)
        #expect(expired.status == "expired")
        let expiredAt = try #require(expired.expiredAt)
        let start = try #require(expired.firstUsedAt)
        #expect(abs(expiredAt.timeIntervalSince(start) - 3_600) < 0.001)
        #expect(expired.removedAt == nil)
        #expect(try Self.radiusRows(code) > 0)
        let refused = try RadiusClient.login(code, code, at: router, on: server)
        #expect(refused.contains("Received Access-Reject"), "radclient:\n\(refused)\n\(server.logTail)")
        #expect(try RadiusClient.lastRejectReason(code) == "validity ended")
    }

    /// Sold or printed, a code carries its package's data quota.
    @Test(arguments: [CodeSource.sold, .printed])
    func aCodeWhoseQuotaIsUsedUpExpiresAtTheAccountingThatUsedItUp(_ source: CodeSource) throws {
        let server = try FreeRADIUSTests.server.get()
        var profile = F.Profile()
        profile.validityMinutes = 1_440
        profile.quotaMB = 1
        let (code, router) = try source == .sold ? FreeRADIUSTests.boughtCode(profile) : Self.printedCode(profile)
        _ = try RadiusClient.account("Start", user: code, session: "d1", at: router, on: server)
        _ = try RadiusClient.account("Stop", user: code, session: "d1", seconds: 60, bytes: 600_000, at: router, on: server)
        try Self.sweep()
        #expect(try Self.state(code).status == "used")

        _ = try RadiusClient.account("Start", user: code, session: "d2", at: router, on: server)
        _ = try RadiusClient.account("Stop", user: code, session: "d2", seconds: 60, bytes: 448_576, at: router, on: server)
        try Self.sweep()
        let expired = try Self.state(code)
        let lastUpdate = try F.owner.query(
            "select max(acctupdatetime) as at from radacct where username = $1", code
        ).first!.decode("at", as: Date.self)
        #expect(expired.status == "expired")
        #expect(expired.expiredAt == lastUpdate)
    }

    @Test func aCodeValidFromPurchaseExpiresUnused() throws {
        var profile = F.Profile()
        profile.validityMinutes = 60
        profile.validityFrom = "purchase"
        let (code, _) = try FreeRADIUSTests.boughtCode(profile)
        try Self.sweep()
        #expect(try Self.state(code).status == "issued")

        try Self.backdatePurchase(of: code, by: "2 hours")
        try Self.sweep()
        let expired = try Self.state(code)
        #expect(expired.status == "expired")
        #expect(expired.firstUsedAt == nil)
        #expect(expired.expiredAt != nil)
    }

    /// One code expired a minute short of the grace period ago keeps its rows; one expired a minute past
    /// it loses them, and FreeRADIUS then no longer knows it. Both vouchers stay.
    @Test func anExpiredCodeIsRetiredFromRadiusOnlyAfterTheGracePeriod() throws {
        let server = try FreeRADIUSTests.server.get()
        var profile = F.Profile()
        profile.validityMinutes = 60
        profile.quotaMB = nil
        let graceMinutes = Int(Self.grace.components.seconds / 60)
        var codes: [(code: String, router: TestRouter)] = []
        for minutesAgo in [60 + graceMinutes - 1, 60 + graceMinutes + 1] {
            let bought = try FreeRADIUSTests.boughtCode(profile)
            let accepted = try RadiusClient.login(bought.code, bought.code, at: bought.router, on: server)
            #expect(accepted.contains("Received Access-Accept"), "radclient:\n\(accepted)\n\(server.logTail)")
            _ = try RadiusClient.account("Start", user: bought.code, session: "g", at: bought.router, on: server)
            _ = try RadiusClient.account("Stop", user: bought.code, session: "g", seconds: 600, at: bought.router, on: server)
            // The first session started this long ago: validity ended 60 minutes after it.
            try F.owner.query(
                """
                update radacct set acctstarttime = now() - make_interval(mins => $2::integer),
                    acctupdatetime = now() - make_interval(mins => $2::integer - 10),
                    acctstoptime = now() - make_interval(mins => $2::integer - 10)
                where username = $1
                """, bought.code, minutesAgo)
            // Every test server sweeps too: one may have seen the session already, as it began.
            try F.owner.query(
                """
                update vouchers set first_used_at = now() - make_interval(mins => $2::integer),
                    valid_until = now() - make_interval(mins => $2::integer - 60)
                where code = $1 and first_used_at is not null
                """, bought.code, minutesAgo)
            codes.append(bought)
        }
        try Self.sweep()

        let (kept, retired) = (codes[0], codes[1])
        let keptState = try Self.state(kept.code)
        let retiredState = try Self.state(retired.code)
        #expect(keptState.status == "expired" && retiredState.status == "expired")
        #expect(keptState.removedAt == nil)
        #expect(retiredState.removedAt != nil)
        #expect(try Self.radiusRows(kept.code) > 0)
        #expect(try Self.radiusRows(retired.code) == 0)

        let stillKnown = try RadiusClient.login(kept.code, kept.code, at: kept.router, on: server)
        #expect(stillKnown.contains("Received Access-Reject"), "radclient:\n\(stillKnown)")
        #expect(try RadiusClient.lastRejectReason(kept.code) == "validity ended")
        let gone = try RadiusClient.login(retired.code, retired.code, at: retired.router, on: server)
        #expect(gone.contains("Received Access-Reject"), "radclient:\n\(gone)\n\(server.logTail)")
        #expect(try RadiusClient.lastRejectReason(retired.code) == "unknown user")

        // Another round changes nothing: each code is retired once.
        try Self.sweep()
        #expect(try Self.state(retired.code) == retiredState)
    }

    /// A process's first round looks for the first session of every code still issued; its next rounds
    /// read only the sessions started lately, which still finds a code whose first session just began.
    @Test func afterItsFirstRoundAProcessFindsFirstSessionsAmongTheRecentOnes() throws {
        let server = try FreeRADIUSTests.server.get()
        let sweep = VoucherStateSweep(database: F.owner, grace: Self.grace)
        #expect(try sweep.sweep().readEveryIssuedCode)
        let (code, router) = try FreeRADIUSTests.boughtCode(F.Profile())
        _ = try RadiusClient.account("Start", user: code, session: "r1", at: router, on: server)
        let round = try sweep.sweep()
        #expect(!round.readEveryIssuedCode)
        #expect(round.used >= 1)
        #expect(try Self.state(code).status == "used")
    }

    /// A printed card's code (a batch's, sold by a reseller) follows the same states as a sold one: used
    /// from its first session, expired when the validity that runs from it ends, and retired from RADIUS
    /// after the grace period.
    @Test func aPrintedCodeIsUsedThenExpiredThenRetiredLikeASoldOne() throws {
        let server = try FreeRADIUSTests.server.get()
        var profile = F.Profile()
        profile.validityMinutes = 60
        profile.quotaMB = nil
        let (code, router) = try Self.printedCode(profile)

        _ = try RadiusClient.account("Start", user: code, session: "p1", at: router, on: server)
        try Self.sweep()
        let used = try Self.state(code)
        #expect(used.status == "used")
        let validUntil = try #require(
            try F.owner.query("select valid_until from vouchers where code = $1", code).first?.decode("valid_until", as: Date?.self))
        #expect(abs(validUntil.timeIntervalSince(try #require(used.firstUsedAt)) - 3_600) < 0.001)

        // Its first session began an hour and the grace period ago, as the accounting would then read.
        try F.owner.query(
            """
            with moved as (
                update radacct set acctstarttime = acctstarttime - $2::interval where username = $1
            )
            update vouchers set first_used_at = first_used_at - $2::interval, valid_until = valid_until - $2::interval
            where code = $1
            """, code, "\(Int(Self.grace.components.seconds / 60) + 61) minutes")
        try Self.sweep()
        let retired = try Self.state(code)
        #expect(retired.status == "expired")
        #expect(retired.removedAt != nil)
        #expect(try Self.radiusRows(code) == 0)
        let gone = try RadiusClient.login(code, code, at: router, on: server)
        #expect(gone.contains("Received Access-Reject"), "radclient:\n\(gone)\n\(server.logTail)")
        #expect(try RadiusClient.lastRejectReason(code) == "unknown user")
    }

    /// A batch of one code of `profile`, generated by its ISP's admin in the back office, and a router of
    /// that ISP.
    static func printedCode(_ profile: F.Profile) throws -> (code: String, router: TestRouter) {
        let admin = try AdminFixtures.tenantWithAdmin()
        let batch = try AdminFixtures.printedBatch(
            by: try AdminFixtures.signedIn(admin), tenantID: admin.tenantID,
            profileID: try F.profile(tenantID: admin.tenantID, profile), ["quantity": "1"])
        let code = try #require(batch.cards.first?.code)
        return (code, try TestRouter.register(tenantID: admin.tenantID))
    }

    /// A backlog of expired codes larger than a batch is retired in one round: the batches after the
    /// first run only the step that still had work (the others found none), and every code is retired.
    @Test func aBacklogLargerThanABatchIsRetiredInOneRound() throws {
        let (code, _) = try FreeRADIUSTests.boughtCode(F.Profile())
        let backlog = VoucherStateSweep.batchSize + 1
        let prefix = "backlog-" + UUID().uuidString.prefix(8).lowercased() + "-"
        try F.owner.query(
            """
            with bought as (select tenant_id, profile_id, order_id from vouchers where code = $1),
            codes as (
                insert into vouchers (tenant_id, code, profile_id, order_id, status, expired_at)
                select b.tenant_id, $2 || n, b.profile_id, b.order_id, 'expired', now() - interval '31 days'
                from bought b, generate_series(1, $3::integer) n
                returning tenant_id, code
            )
            insert into radcheck (tenant_id, username, attribute, op, value)
            select tenant_id, code, 'Cleartext-Password', ':=', code from codes
            """, code, prefix, backlog)

        let round = try VoucherStateSweep(database: F.owner, grace: Self.grace).sweep()
        #expect(round.removed >= backlog)
        let left = try F.owner.query(
            """
            select (select count(*) from vouchers where code like $1 || '%' and radius_removed_at is null)
                + (select count(*) from radcheck where username like $1 || '%') as n
            """, prefix
        ).first!.decode("n", as: Int.self)
        #expect(left == 0, "codes or RADIUS rows of the backlog left after one round")
    }

    /// On its timer a process skips the round while another holds the sweep's lock, and the work is
    /// done by the next round that gets it.
    @Test func aRoundThatFindsAnotherProcessAtWorkSkipsAndTheNextDoesTheWork() throws {
        var profile = F.Profile()
        profile.validityMinutes = 60
        profile.validityFrom = "purchase"
        let (code, _) = try FreeRADIUSTests.boughtCode(profile)
        try Self.backdatePurchase(of: code, by: "2 hours")
        let sweep = VoucherStateSweep(database: F.owner, grace: Self.grace)
        let skipped = try F.owner.transaction { db in
            try db.query("select pg_advisory_xact_lock(hashtext('gerbang.voucher-state'))")
            return try sweep.sweep(waiting: false)
        }
        #expect(skipped == VoucherStateSweep.Round())
        #expect(try Self.state(code).status == "issued")
        try sweep.sweep()
        #expect(try Self.state(code).status == "expired")
    }

    @Test func theGracePeriodIsReadFromTheEnvironment() throws {
        let base = ["DATABASE_URL": "postgresql://gerbang_app@127.0.0.1:5432/gerbang"]
        #expect(try AppConfig(environment: base).expiredCodeGrace == .seconds(72 * 3_600))
        #expect(
            try AppConfig(environment: base.merging(["EXPIRED_CODE_GRACE_HOURS": "6"]) { $1 }).expiredCodeGrace
                == .seconds(6 * 3_600))
        let error = #expect(throws: ConfigError.self) {
            try AppConfig(environment: base.merging(["EXPIRED_CODE_GRACE_HOURS": "-1"]) { $1 })
        }
        #expect(error?.description.contains("EXPIRED_CODE_GRACE_HOURS") == true)
    }
}
