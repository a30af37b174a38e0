import Foundation
import Synchronization
import TestSupport
import Testing

/// The sign-in throttle against head office, through the application: an attacker is slowed down, the
/// rightful owner is never locked out, and parallel attempts cannot race past the allowance.
///
/// An application of its own that believes `X-Forwarded-For` from loopback (so each test chooses its client
/// addresses) and whose per-address rate limit on login forms stays out of the way, so that what
/// refuses an attempt here is the throttle alone.
@Suite struct LoginThrottleTests {
    static let server = try! InProcessServer(environment: ["TRUSTED_PROXIES": "127.0.0.1", "RATE_LIMIT_LOGIN": "100000"])
    /// Failures of an account from one address that cost no wait.
    static let allowance = 3

    let admin: HeadOfficeFixtures.Admin

    init() throws {
        admin = try HeadOfficeFixtures.headAdmin()
    }

    /// A browser from `address` with the login form open (its CSRF cookie and token kept).
    private func browser(from address: String) throws -> PortalBrowser {
        let browser = PortalBrowser(server: Self.server, host: HeadOfficeFixtures.platformHost)
        browser.cookies["lang"] = "en"
        browser.extraHeaders = [("X-Forwarded-For", address)]
        try browser.get("/head-office/login")
        return browser
    }

    private func signIn(from address: String, password: String) throws -> TestHTTPResponse {
        try browser(from: address).post("/head-office/login", ["login": admin.email, "password": password])
    }

    private static func randomAddress() -> String {
        "10.\(Int.random(in: 0...255)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
    }

    @Test func fiftyWrongPasswordsFromOneAddressDoNotStopTheOwnerSigningIn() throws {
        let attacker = Self.randomAddress()
        var statuses: [Int] = []
        for attempt in 1...50 {
            statuses.append(try signIn(from: attacker, password: "guess-\(attempt)").status)
        }
        #expect(Set(statuses) == [422, 429])
        // Waits of 1 s, 2 s, 4 s … let a few more through while the loop runs, never more than that.
        #expect(statuses.filter { $0 == 422 }.count <= Self.allowance + 3)
        #expect(statuses.prefix(Self.allowance) == [422, 422, 422])

        // From anywhere else the owner signs in at once.
        #expect(try signIn(from: Self.randomAddress(), password: admin.password).status == 303)

        // From the attacker's own address too, once the short wait is over.
        let refused = try signIn(from: attacker, password: admin.password)
        #expect(refused.status == 429)
        let wait = try #require(Int(refused.headers["Retry-After"] ?? ""))
        #expect((1...16).contains(wait))
        #expect(refused.text.contains("Too many sign-in attempts"))
        Thread.sleep(forTimeInterval: Double(wait))
        let owner = try browser(from: attacker)
        #expect(try owner.post("/head-office/login", ["login": admin.email, "password": admin.password]).status == 303)
        #expect(try owner.get("/head-office").status == 200)
    }

    @Test func twentyParallelWrongPasswordsFromOneAddressAreMostlyRefusedUnchecked() throws {
        let attacker = Self.randomAddress()
        // Each attempt its own form (cookie and token), posted by a thread of its own all at once.
        let forms = try (1...20).map { index in
            let browser = try browser(from: attacker)
            let cookie = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let body = "login=\(admin.email.lowercased())&password=guess-\(index)&_csrf=\(browser.csrf ?? "")"
            return (cookie, body)
        }
        let statuses = Mutex<[Int]>([])
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let server = Self.server
        for (cookie, body) in forms {
            group.enter()
            Thread.detachNewThread {
                start.wait()
                let response = try? server.request(
                    method: "POST", path: "/head-office/login", host: HeadOfficeFixtures.platformHost,
                    headers: [
                        ("Cookie", cookie), ("X-Forwarded-For", attacker),
                        ("Content-Type", "application/x-www-form-urlencoded"),
                    ],
                    body: Array(body.utf8))
                statuses.withLock { $0.append(response?.status ?? -1) }
                group.leave()
            }
        }
        for _ in forms { start.signal() }
        group.wait()
        let seen = statuses.withLock { $0 }
        #expect(seen.count == 20)
        #expect(Set(seen).isSubset(of: [422, 429]), "\(seen)")
        let checked = seen.filter { $0 == 422 }.count
        #expect((1...Self.allowance).contains(checked), "only the allowance has its password checked: \(seen)")
        #expect(seen.filter { $0 == 429 }.count == 20 - checked)
        #expect(try Self.failures(account: admin.email, address: attacker) == checked)
    }

    @Test func aDistributedAttackerSlowsTheAccountToOneGuessEveryTwoSecondsAndTheOwnerStillGetsIn() throws {
        var statuses: [Int] = []
        for attempt in 1...25 {
            statuses.append(try signIn(from: Self.randomAddress(), password: "guess-\(attempt)").status)
        }
        #expect(statuses.prefix(10).allSatisfy { $0 == 422 }, "ten failures across addresses cost no wait")
        #expect(statuses.contains(429), "then the account as a whole slows down")

        var owner = try signIn(from: Self.randomAddress(), password: admin.password)
        if owner.status == 429 {
            let wait = try #require(Int(owner.headers["Retry-After"] ?? ""))
            #expect(wait <= 2, "the account-wide wait is capped at two seconds")
            Thread.sleep(forTimeInterval: Double(wait))
            owner = try signIn(from: Self.randomAddress(), password: admin.password)
        }
        #expect(owner.status == 303)
    }

    @Test func aSuccessfulSignInClearsTheFailuresOfItsAddress() throws {
        let address = Self.randomAddress()
        for attempt in 1...2 {
            #expect(try signIn(from: address, password: "typo-\(attempt)").status == 422)
        }
        #expect(try signIn(from: address, password: admin.password).status == 303)
        #expect(try Self.failures(account: admin.email, address: address) == 0)
        for attempt in 1...Self.allowance {
            #expect(try signIn(from: address, password: "typo-again-\(attempt)").status == 422)
        }
    }

    private static func failures(account: String, address: String) throws -> Int {
        try TestDatabase.owner.query(
            """
            select coalesce(sum(failures), 0)::integer as n from login_throttle
            where tenant_id is null and kind = 'head_admin' and account_key = lower($1) and client_address = $2
            """, account, address
        ).first!.decode("n", as: Int.self)
    }
}
