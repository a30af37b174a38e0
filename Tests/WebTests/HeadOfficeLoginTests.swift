import Foundation
import TestSupport
import Testing

/// `GET/POST /head-office/login` and `POST /head-office/logout` on the platform host: a session kind of its own,
/// refused to tenant admins and subscribers, and absent from every tenant's host.
@Suite struct HeadOfficeLoginTests {
    @Test func headOfficeAdminSignsInWithEmailInAnyCaseAndReachesTheTenantList() throws {
        let admin = try HeadOfficeFixtures.headAdmin()
        let browser = HeadOfficeFixtures.browser()
        let form = try browser.get("/head-office/login")
        #expect(form.status == 200)
        #expect(form.text.contains("Head office sign-in"))
        let response = try browser.post("/head-office/login", ["login": admin.email.uppercased(), "password": admin.password])
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/head-office")
        #expect(browser.cookies["sid"]?.count == 64)
        let page = try browser.get("/head-office")
        #expect(page.status == 200)
        #expect(page.text.contains("Add a tenant"))
    }

    @Test func withoutASessionEveryHeadOfficePageRedirectsToTheLogin() throws {
        let browser = HeadOfficeFixtures.browser()
        for path in ["/head-office", "/head-office/domains", "/head-office/gateways", "/head-office/usage.json?period=2026-11"] {
            let response = try browser.get(path)
            #expect(response.status == 303, "\(path)")
            #expect(response.headers["Location"] == "/head-office/login", "\(path)")
        }
    }

    @Test func everyHeadOfficePageIsKeptByNoCache() throws {
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        for path in [
            "/head-office", "/head-office/domains", "/head-office/gateways", "/head-office/finance", "/head-office/accounts",
            "/head-office/audit", "/head-office/usage.json?period=2026-11",
        ] {
            let response = try browser.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["Cache-Control"] == "no-store", "\(path)")
        }
    }

    @Test func wrongPasswordAndUnknownEmailGetTheSameFailureAndNoSession() throws {
        let admin = try HeadOfficeFixtures.headAdmin()
        let wrong = HeadOfficeFixtures.browser()
        try wrong.get("/head-office/login")
        let first = try wrong.post("/head-office/login", ["login": admin.email, "password": "not-it"])
        let unknown = HeadOfficeFixtures.browser()
        try unknown.get("/head-office/login")
        let second = try unknown.post("/head-office/login", ["login": "nobody-\(UUID())@x.test", "password": admin.password])
        for response in [first, second] {
            #expect(response.status == 422)
            #expect(response.text.contains("Wrong email or password."))
        }
        #expect(!first.text.contains("not-it"), "the password is never written back")
        #expect(wrong.cookies["sid"] == nil && unknown.cookies["sid"] == nil)
    }

    @Test func aTenantAdminsCredentialsOpenNoHeadOffice() throws {
        let tenantAdmin = try AdminFixtures.tenantWithAdmin()
        let browser = HeadOfficeFixtures.browser()
        try browser.get("/head-office/login")
        let response = try browser.post("/head-office/login", ["login": tenantAdmin.email, "password": tenantAdmin.password])
        #expect(response.status == 422)
        #expect(browser.cookies["sid"] == nil)
    }

    @Test func aTenantAdminsOrSubscribersSessionIsNoHeadOfficeSession() throws {
        let tenantAdmin = try AdminFixtures.tenantWithAdmin()
        let staff = try AdminFixtures.signedIn(tenantAdmin, server: HeadOfficeFixtures.server)
        let subscriber = try PortalFixtures.subscriber(tenantID: tenantAdmin.tenantID)
        let customer = PortalBrowser(server: HeadOfficeFixtures.server, host: tenantAdmin.host)
        #expect(try customer.logIn(subscriber.customerNumber, subscriber.password).status == 303)

        for cookies in [staff.cookies, customer.cookies] {
            let borrowed = HeadOfficeFixtures.browser()
            borrowed.cookies = cookies
            let response = try borrowed.get("/head-office")
            #expect(response.status == 303)
            #expect(response.headers["Location"] == "/head-office/login")
        }
    }

    @Test func aHeadOfficeSessionIsNoTenantAdminSession() throws {
        let tenantAdmin = try AdminFixtures.tenantWithAdmin()
        let (headOffice, _) = try HeadOfficeFixtures.signedIn()
        let borrowed = PortalBrowser(server: HeadOfficeFixtures.server, host: tenantAdmin.host)
        borrowed.cookies = headOffice.cookies
        #expect(try borrowed.get("/admin/branding").headers["Location"] == "/admin/login")
    }

    @Test func headOfficeRoutesAreNotFoundOnATenantsHost() throws {
        let tenant = try PortalFixtures.tenant()
        let (headOffice, _) = try HeadOfficeFixtures.signedIn()
        let browser = HeadOfficeFixtures.browser(host: tenant.host)
        browser.cookies = headOffice.cookies
        for path in ["/head-office", "/head-office/login", "/head-office/gateways", "/head-office/usage.json?period=2026-11"] {
            #expect(try browser.get(path).status == 404, "\(path)")
        }
        #expect(try browser.post("/head-office/login", ["login": "x@y.test", "password": "z"]).status == 404)
    }

    @Test func loginWithoutTheCSRFTokenIsRefused() throws {
        let admin = try HeadOfficeFixtures.headAdmin()
        let browser = HeadOfficeFixtures.browser()
        try browser.get("/head-office/login")
        let response = try browser.post("/head-office/login", ["login": admin.email, "password": admin.password], withCSRF: false)
        #expect(response.status == 403)
        #expect(browser.cookies["sid"] == nil)
    }

    @Test func signingOutNeedsTheSessionsTokenAndEndsTheSession() throws {
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        let forged = try browser.post("/head-office/logout", ["_csrf": String(repeating: "0", count: 64)])
        #expect(forged.status == 403)
        #expect(try browser.get("/head-office").status == 200, "a refused sign-out leaves the session alone")
        let cookies = browser.cookies
        let out = try browser.post("/head-office/logout")
        #expect(out.status == 303)
        #expect(out.headers["Location"] == "/head-office/login")
        let replay = HeadOfficeFixtures.browser()
        replay.cookies = cookies
        #expect(try replay.get("/head-office").headers["Location"] == "/head-office/login", "the old cookie opens nothing")
    }
}
