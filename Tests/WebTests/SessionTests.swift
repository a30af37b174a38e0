import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// Sessions: rotation at login, tenant scoping, logout, idle and absolute expiry.
@Suite struct SessionTests {
    let tenant: (id: UUID, host: String, name: String)
    let subscriber: PortalFixtures.Subscriber

    init() throws {
        tenant = try PortalFixtures.tenant()
        subscriber = try PortalFixtures.subscriber(tenantID: tenant.id)
    }

    private func signedIn() throws -> PortalBrowser {
        let browser = PortalBrowser(host: tenant.host)
        #expect(try browser.logIn(subscriber.customerNumber, subscriber.password).status == 303)
        return browser
    }

    private func sessionHash(_ token: String) throws -> String {
        try TestDatabase.owner.query("select encode(sha256(convert_to($1, 'UTF8')), 'hex') as h", token).first!
            .decode("h", as: String.self)
    }

    @Test func portalWithoutASessionRedirectsToTheLoginPage() throws {
        let response = try PortalBrowser(host: tenant.host).get("/portal/invoices")
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/portal/login")
    }

    @Test func onlyTheHashOfTheTokenIsStored() throws {
        let browser = try signedIn()
        let token = try #require(browser.cookies["sid"])
        let rows = try TestDatabase.owner.query(
            "select id, kind, tenant_id from sessions where principal_id = $1", subscriber.id)
        #expect(rows.count == 1)
        #expect(try rows.first!.decode("id", as: String.self) == sessionHash(token))
        #expect(try rows.first!.decode("id", as: String.self) != token)
        #expect(try rows.first!.decode("kind", as: String.self) == "subscriber")
    }

    @Test func aCookieChosenBeforeLoginIsNeverTheSessionAfterIt() throws {
        // An attacker plants a token of their own choosing…
        let planted = PortalFixtures.hexToken()
        let browser = PortalBrowser(host: tenant.host)
        browser.cookies["sid"] = planted
        #expect(try browser.logIn(subscriber.customerNumber, subscriber.password).status == 303)
        let issued = try #require(browser.cookies["sid"])
        #expect(issued != planted)
        let attacker = PortalBrowser(host: tenant.host)
        attacker.cookies["sid"] = planted
        #expect(try attacker.get("/portal").status == 303)

        // …or their own real session: the victim's login replaces it and ends it.
        let mallory = try PortalFixtures.subscriber(tenantID: tenant.id)
        let own = PortalBrowser(host: tenant.host)
        try own.logIn(mallory.customerNumber, mallory.password)
        let malloryToken = try #require(own.cookies["sid"])
        let victim = PortalBrowser(host: tenant.host)
        victim.cookies["sid"] = malloryToken
        try victim.logIn(subscriber.customerNumber, subscriber.password)
        #expect(victim.cookies["sid"] != malloryToken)
        #expect(try victim.get("/portal").text.contains(subscriber.name))
        #expect(try own.get("/portal").status == 303, "the replaced session no longer exists")
    }

    @Test func aCookieFromOneTenantIsNoSessionOnAnotherTenantsHost() throws {
        let browser = try signedIn()
        let other = try PortalFixtures.tenant()
        let elsewhere = PortalBrowser(host: other.host)
        elsewhere.cookies = browser.cookies
        let response = try elsewhere.get("/portal")
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/portal/login")
        #expect(try browser.get("/portal").status == 200, "still valid at home")
    }

    @Test func logoutEndsTheSessionAndClearsTheCookie() throws {
        let browser = try signedIn()
        let token = try #require(browser.cookies["sid"])
        try browser.get("/portal")
        let response = try browser.post("/portal/logout")
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/portal/login")
        #expect(response.headers.values("Set-Cookie").contains { $0.hasPrefix("sid=;") && $0.contains("Max-Age=0") })
        let replay = PortalBrowser(host: tenant.host)
        replay.cookies["sid"] = token
        #expect(try replay.get("/portal").status == 303)
        #expect(try TestDatabase.owner.query("select 1 from sessions where id = $1", sessionHash(token)).isEmpty)
    }

    @Test func logoutWithoutTheSessionsCSRFTokenIs403AndKeepsTheSession() throws {
        let browser = try signedIn()
        try browser.get("/portal")
        #expect(try browser.post("/portal/logout", withCSRF: false).status == 403)
        // The anonymous double-submit token is not the session's secret.
        let anonymous = PortalBrowser(host: tenant.host)
        try anonymous.get("/portal/login")
        #expect(try browser.post("/portal/logout", ["_csrf": try #require(anonymous.csrf)]).status == 403)
        #expect(try browser.get("/portal").status == 200)
    }

    @Test func aSessionIdleForThirtyMinutesIsOver() throws {
        let browser = try signedIn()
        let hash = try sessionHash(try #require(browser.cookies["sid"]))
        try TestDatabase.owner.query("update sessions set last_seen_at = now() - interval '29 minutes' where id = $1", hash)
        #expect(try browser.get("/portal").status == 200)
        let touched = try TestDatabase.owner.query(
            "select last_seen_at > now() - interval '1 minute' as fresh from sessions where id = $1", hash)
        #expect(try touched.first!.decode("fresh", as: Bool.self), "a request after a minute marks the session seen")
        try TestDatabase.owner.query("update sessions set last_seen_at = now() - interval '31 minutes' where id = $1", hash)
        #expect(try browser.get("/portal").status == 303)
    }

    @Test func aSessionEndsAtItsAbsoluteExpiryWhateverTheActivity() throws {
        let browser = try signedIn()
        let hash = try sessionHash(try #require(browser.cookies["sid"]))
        let lifetime = try TestDatabase.owner.query(
            "select extract(epoch from expires_at - created_at)::integer as seconds from sessions where id = $1", hash)
        #expect(try lifetime.first!.decode("seconds", as: Int.self) == 12 * 3600)
        try TestDatabase.owner.query("update sessions set expires_at = now() - interval '1 second' where id = $1", hash)
        #expect(try browser.get("/portal").status == 303)
    }

    /// The application's own role, as the server uses it.
    static let appPool: PostgresPool = {
        var configuration = try! PostgresConfiguration(url: try! TestEnvironment.require("DATABASE_URL"))
        configuration.poolSize = 2
        return PostgresPool(configuration: configuration)
    }()

    @Test func theStoreFindsASessionOnlyForItsOwnTenantAndKind() throws {
        let store = SessionStore(database: Self.appPool)
        let created = try store.create(kind: .subscriber, principalID: subscriber.id, tenantID: tenant.id)
        #expect(try store.session(token: created.token, kind: .subscriber, tenantID: tenant.id) == created.session)
        let other = try PortalFixtures.tenant()
        #expect(try store.session(token: created.token, kind: .subscriber, tenantID: other.id) == nil)
        #expect(try store.session(token: created.token, kind: .tenantAdmin, tenantID: tenant.id) == nil)
        #expect(try store.session(token: created.token, kind: .headAdmin, tenantID: nil) == nil)
        #expect(try store.session(token: created.token.uppercased(), kind: .subscriber, tenantID: tenant.id) == nil)
        try store.delete(token: created.token)
        #expect(try store.session(token: created.token, kind: .subscriber, tenantID: tenant.id) == nil)
    }

    @Test func anotherKindOfSessionIsNoSubscriberSession() throws {
        let browser = try signedIn()
        let hash = try sessionHash(try #require(browser.cookies["sid"]))
        try TestDatabase.owner.query("update sessions set kind = 'tenant_admin' where id = $1", hash)
        #expect(try browser.get("/portal").status == 303)
    }
}
