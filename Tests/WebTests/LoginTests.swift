import Foundation
import TestSupport
import Testing

/// `GET/POST /portal/login` through the server's HTTP framing against a real database.
@Suite struct LoginTests {
    let tenant: (id: UUID, host: String, name: String)
    let subscriber: PortalFixtures.Subscriber

    init() throws {
        tenant = try PortalFixtures.tenant()
        subscriber = try PortalFixtures.subscriber(tenantID: tenant.id)
    }

    @Test func loginByCustomerNumberSetsAHostOnlyHttpOnlySessionCookieAndOpensThePortal() throws {
        let browser = PortalBrowser(host: tenant.host)
        let response = try browser.logIn(subscriber.customerNumber, subscriber.password)
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/portal")
        let cookie = try #require(response.headers.values("Set-Cookie").first { $0.hasPrefix("sid=") })
        let attributes = cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        #expect(attributes.contains("httponly"))
        #expect(attributes.contains("samesite=lax"))
        #expect(attributes.contains("path=/"))
        #expect(!attributes.contains { $0.hasPrefix("domain") })
        #expect(!attributes.contains("secure"), "plain HTTP from no proxy: not Secure")
        #expect(browser.cookies["sid"]?.count == 64)

        let portal = try browser.get("/portal")
        #expect(portal.status == 200)
        #expect(portal.text.contains(subscriber.name))
        #expect(portal.text.contains(subscriber.customerNumber))
    }

    @Test func loginByPPPoEUsernameInAnyCaseWorks() throws {
        let browser = PortalBrowser(host: tenant.host)
        #expect(try browser.logIn(subscriber.pppoeUsername.uppercased(), subscriber.password).status == 303)
        #expect(try browser.get("/portal").text.contains(subscriber.name))
    }

    @Test func unknownAccountAndWrongPasswordGetTheSameAnswer() throws {
        let unknown = PortalBrowser(host: tenant.host)
        let typed = "C-NOSUCH\(PortalFixtures.uniqueCode())"
        let first = try unknown.logIn(typed, subscriber.password)
        let wrong = PortalBrowser(host: tenant.host)
        let second = try wrong.logIn(subscriber.customerNumber, "not-the-password")
        #expect(first.status == 422)
        #expect(second.status == 422)
        #expect(first.text.contains("Wrong customer number or password."))
        // The same page but for the kept login and the per-browser CSRF token.
        func normalised(_ response: TestHTTPResponse, typed: String, csrf: String?) -> String {
            response.text.replacingOccurrences(of: typed, with: "LOGIN").replacingOccurrences(of: csrf ?? "-", with: "CSRF")
        }
        #expect(
            normalised(first, typed: typed, csrf: unknown.csrf)
                == normalised(second, typed: subscriber.customerNumber, csrf: wrong.csrf))
        #expect(!second.text.contains("not-the-password"), "the password is never written back")
        #expect(wrong.cookies["sid"] == nil)
    }

    @Test func emptyFieldsAreShownNextToTheFieldsWithTheTypedLoginKept() throws {
        let browser = PortalBrowser(host: tenant.host)
        let response = try browser.logIn("C-TYPED-1", "")
        #expect(response.status == 422)
        #expect(response.text.contains(#"value="C-TYPED-1""#))
        #expect(response.text.contains(#"aria-invalid="true""#))
        #expect(response.text.contains("f-password-error"))
    }

    @Test func aSubscriberOfOneTenantCannotLogInOnAnotherTenantsHost() throws {
        let other = try PortalFixtures.tenant()
        let browser = PortalBrowser(host: other.host)
        let response = try browser.logIn(subscriber.customerNumber, subscriber.password)
        #expect(response.status == 422)
        #expect(browser.cookies["sid"] == nil)
    }

    @Test func terminatedSubscriberCannotLogIn() throws {
        let gone = try PortalFixtures.subscriber(tenantID: tenant.id, status: "terminated")
        #expect(try PortalBrowser(host: tenant.host).logIn(gone.customerNumber, gone.password).status == 422)
    }

    /// One server that believes `X-Forwarded-For` from loopback, so tests can vary the client address.
    static let proxied = try! InProcessServer(environment: ["TRUSTED_PROXIES": "127.0.0.1"])

    private func browser(from address: String, proxied server: any TestServer = proxied) -> PortalBrowser {
        let browser = PortalBrowser(server: server, host: tenant.host)
        browser.extraHeaders = [("X-Forwarded-For", address)]
        return browser
    }

    private static func randomAddress() -> String {
        "10.\(Int.random(in: 0...255)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))"
    }

    @Test func failuresFromOneAddressMakeItWaitEvenWithTheRightPasswordWhileOtherAddressesSignIn() throws {
        let attacker = Self.randomAddress()
        for attempt in 1...3 {
            let response = try browser(from: attacker).logIn(subscriber.customerNumber, "wrong-\(attempt)")
            #expect(response.status == 422)
        }
        let blocked = try browser(from: attacker).logIn(subscriber.customerNumber, subscriber.password)
        #expect(blocked.status == 429)
        #expect(Int(blocked.headers["Retry-After"] ?? "") == 1, "the first wait after the allowance is one second")
        #expect(blocked.text.contains(tenant.name), "the tenant's branded page")
        #expect(blocked.text.contains("please wait 1 second"))
        #expect(blocked.headers.values("Set-Cookie").allSatisfy { !$0.hasPrefix("sid=") })
        // Refused attempts are not counted, so they do not extend the wait.
        #expect(try PortalFixtures.failedAttempts(account: subscriber.customerNumber) == 3)
        // The owner, from an address of their own, is not slowed down at all.
        #expect(try browser(from: Self.randomAddress()).logIn(subscriber.customerNumber, subscriber.password).status == 303)
    }

    @Test func theWaitGrowsWithEachFailureAndTheRightPasswordWorksOnceItIsOver() throws {
        let address = Self.randomAddress()
        var waits: [Int] = []
        for attempt in 1...6 {
            let response = try browser(from: address).logIn(subscriber.customerNumber, "wrong-\(attempt)")
            if attempt <= 3 {
                #expect(response.status == 422)
                continue
            }
            #expect(response.status == 429)
            waits.append(Int(response.headers["Retry-After"] ?? "") ?? 0)
            try Self.endWait(tenantID: tenant.id, account: subscriber.customerNumber)
            #expect(try browser(from: address).logIn(subscriber.customerNumber, "wrong-again-\(attempt)").status == 422)
        }
        #expect(try browser(from: address).logIn(subscriber.customerNumber, subscriber.password).status == 429)
        #expect(waits == [1, 2, 4])
        try Self.endWait(tenantID: tenant.id, account: subscriber.customerNumber)
        #expect(try browser(from: address).logIn(subscriber.customerNumber, subscriber.password).status == 303)
    }

    @Test func failuresFromOneAddressAgainstManyAccountsSlowThatAddressOnly() throws {
        let attacker = Self.randomAddress()
        for attempt in 1...10 {
            #expect(try browser(from: attacker).logIn("C-GUESS\(attempt)", "guess").status == 422)
        }
        let blocked = try browser(from: attacker).logIn(subscriber.customerNumber, subscriber.password)
        #expect(blocked.status == 429)
        #expect(Int(blocked.headers["Retry-After"] ?? "") ?? 0 > 0)
        #expect(try browser(from: Self.randomAddress()).logIn(subscriber.customerNumber, subscriber.password).status == 303)
    }

    /// Moves every wait the throttle holds for the account to now, as if the visitor had waited.
    private static func endWait(tenantID: UUID, account: String) throws {
        try TestDatabase.owner.query(
            "update login_throttle set next_allowed_at = now() where tenant_id = $1 and account_key = lower($2)",
            tenantID, account)
    }

    @Test func sessionCookieIsSecureWhenATrustedProxySaysHTTPS() throws {
        let browser = PortalBrowser(server: Self.proxied, host: tenant.host)
        browser.extraHeaders = [("X-Forwarded-Proto", "https")]
        let response = try browser.logIn(subscriber.customerNumber, subscriber.password)
        #expect(response.status == 303)
        let cookie = try #require(response.headers.values("Set-Cookie").first { $0.hasPrefix("sid=") })
        #expect(cookie.contains("; Secure"))
    }

    @Test func loginWithoutAValidCSRFTokenIs403AndRecordsNothing() throws {
        let browser = PortalBrowser(host: tenant.host)
        try browser.get("/portal/login")
        let missing = try browser.post(
            "/portal/login", ["login": subscriber.customerNumber, "password": subscriber.password], withCSRF: false)
        #expect(missing.status == 403)
        let forged = try browser.post(
            "/portal/login",
            ["login": subscriber.customerNumber, "password": subscriber.password, "_csrf": PortalFixtures.hexToken()])
        #expect(forged.status == 403)
        #expect(browser.cookies["sid"] == nil)
        #expect(try PortalFixtures.failedAttempts(account: subscriber.customerNumber) == 0)
        let subjects = try TestDatabase.owner.query(
            "select count(*) as n from login_throttle where tenant_id = $1", tenant.id
        ).first!.decode("n", as: Int.self)
        #expect(subjects == 0)
    }

    @Test func sqlInTheLoginComesBackAsData() throws {
        let response = try PortalBrowser(host: tenant.host).logIn("x' or '1'='1'; drop table subscribers; --", "x' or '1'='1")
        #expect(response.status == 422)
        #expect(try PortalBrowser(host: tenant.host).logIn(subscriber.customerNumber, subscriber.password).status == 303)
    }
}
