import Foundation
import TestSupport
import Testing

/// `GET/POST /admin/login` and `POST /admin/logout` over real HTTP against a real database.
@Suite struct AdminLoginTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    @Test func adminSignsInWithEmailInAnyCaseAndLandsOnTheDashboard() throws {
        let browser = PortalBrowser(host: admin.host)
        try browser.get("/admin/login")
        let response = try browser.post("/admin/login", ["login": admin.email.uppercased(), "password": admin.password])
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/admin")
        #expect(browser.cookies["sid"]?.count == 64)
        #expect(try browser.get("/admin").text.contains("dashboard-tiles"))
        let page = try browser.get("/admin/branding")
        #expect(page.status == 200)
        #expect(page.text.contains(#"name="display_name""#))
    }

    @Test func wrongPasswordAndUnknownEmailGetTheSameFailureAndNoSession() throws {
        let wrong = PortalBrowser(host: admin.host)
        try wrong.get("/admin/login")
        let first = try wrong.post("/admin/login", ["login": admin.email, "password": "not-it"])
        let unknown = PortalBrowser(host: admin.host)
        try unknown.get("/admin/login")
        let second = try unknown.post("/admin/login", ["login": "nobody-\(UUID())@x.test", "password": admin.password])
        for response in [first, second] {
            #expect(response.status == 422)
            #expect(response.text.contains("Wrong email or password."))
        }
        #expect(!first.text.contains("not-it"), "the password is never written back")
        #expect(wrong.cookies["sid"] == nil && unknown.cookies["sid"] == nil)
    }

    @Test func afterThreeFailuresTheNextAttemptWaitsASecondAndThenSignsIn() throws {
        let browser = PortalBrowser(host: admin.host)
        try browser.get("/admin/login")
        for _ in 0..<3 {
            #expect(try browser.post("/admin/login", ["login": admin.email, "password": "wrong"]).status == 422)
        }
        let throttled = try browser.post("/admin/login", ["login": admin.email, "password": admin.password])
        #expect(throttled.status == 429)
        let wait = try #require(Int(throttled.headers["Retry-After"] ?? ""))
        #expect((1...2).contains(wait))
        #expect(throttled.text.contains("Too many sign-in attempts"))
        #expect(browser.cookies["sid"] == nil)
        Thread.sleep(forTimeInterval: Double(wait))
        #expect(try browser.post("/admin/login", ["login": admin.email, "password": admin.password]).status == 303)
    }

    @Test func loginWithoutTheCSRFTokenIsRefused() throws {
        let browser = PortalBrowser(host: admin.host)
        try browser.get("/admin/login")
        let response = try browser.post("/admin/login", ["login": admin.email, "password": admin.password], withCSRF: false)
        #expect(response.status == 403)
        #expect(browser.cookies["sid"] == nil)
    }

    @Test func withoutASessionAdminPagesRedirectToTheLogin() throws {
        let response = try PortalBrowser(host: admin.host).get("/admin/branding")
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/admin/login")
    }

    @Test func aSubscriberSessionIsNoAdminSessionAndAnAdminSessionIsNoSubscriberSession() throws {
        let subscriber = try PortalFixtures.subscriber(tenantID: admin.tenantID)
        let customer = PortalBrowser(host: admin.host)
        #expect(try customer.logIn(subscriber.customerNumber, subscriber.password).status == 303)
        #expect(try customer.get("/admin/branding").headers["Location"] == "/admin/login")

        let staff = try AdminFixtures.signedIn(admin)
        #expect(try staff.get("/portal").headers["Location"] == "/portal/login")
    }

    @Test func anotherTenantsAdminCookieIsNoSessionOnThisHost() throws {
        let other = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin)
        let borrowed = PortalBrowser(host: other.host)
        borrowed.cookies = browser.cookies
        let page = try borrowed.get("/admin/branding")
        #expect(page.status == 303)
        #expect(page.headers["Location"] == "/admin/login")
        // Nor does this admin's password open the other tenant's admin.
        try borrowed.get("/admin/login")
        #expect(try borrowed.post("/admin/login", ["login": admin.email, "password": admin.password]).status == 422)
    }

    @Test func logoutEndsTheSessionAndNeedsTheSessionsCSRFToken() throws {
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/branding")
        #expect(try browser.post("/admin/logout", withCSRF: false).status == 403)
        #expect(try browser.get("/admin/branding").status == 200, "a refused logout changes nothing")
        let sid = try #require(browser.cookies["sid"])
        let out = try browser.post("/admin/logout")
        #expect(out.status == 303)
        #expect(out.headers["Location"] == "/admin/login")
        let replay = PortalBrowser(host: admin.host)
        replay.cookies["sid"] = sid
        #expect(try replay.get("/admin/branding").status == 303)
    }
}
