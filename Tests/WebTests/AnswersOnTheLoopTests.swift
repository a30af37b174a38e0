import Foundation
import HTTP
import Testing

@testable import Web

/// Which requests the application answers on the event loop (`respondWithoutBlocking`) and which it
/// leaves to a worker, and that an answer from the loop is the one a worker gives.
@Suite struct AnswersOnTheLoopTests {
    static func application() throws -> Application { try ApplicationFuzzTests.application.get() }

    static func request(_ target: String, method: HTTPMethod = .GET, host: String) -> HTTPRequest {
        HTTPRequest(method: method, target: target, headers: HTTPHeaders([("Host", host)]), clientAddress: "10.9.8.7")
    }

    @Test func staticAssetsAreAnsweredOnTheLoopAsAWorkerAnswersThem() throws {
        let application = try Self.application()
        let request = Self.request("/assets/css/site.css", host: "anything.example")
        let onLoop = try #require(application.respondWithoutBlocking(to: request))
        let byWorker = application.respond(to: request)
        #expect(onLoop.status == .ok)
        #expect(onLoop.body == byWorker.body)
        #expect(onLoop.headers["ETag"] == byWorker.headers["ETag"])
    }

    @Test func aTenantsBrandFilesAndHomePageAreAnsweredOnTheLoopOnceItsSiteIsInMemory() throws {
        let application = try Self.application()
        let tenant = try PortalFixtures.tenant()
        // Nothing of the tenant is in memory yet: a worker's.
        #expect(application.respondWithoutBlocking(to: Self.request("/brand/theme.css", host: tenant.host)) == nil)
        #expect(application.respond(to: Self.request("/", host: tenant.host)).status == .ok)
        for path in ["/brand/theme.css", "/robots.txt", "/"] {
            let onLoop = try #require(application.respondWithoutBlocking(to: Self.request(path, host: tenant.host)), "\(path)")
            let byWorker = application.respond(to: Self.request(path, host: tenant.host))
            #expect(onLoop.status == byWorker.status, "\(path)")
            #expect(onLoop.body == byWorker.body, "\(path)")
        }
        // No logo: the 404 comes from the loop too, in the tenant's branding.
        let missingLogo = try #require(application.respondWithoutBlocking(to: Self.request("/brand/logo", host: tenant.host)))
        #expect(missingLogo.status == .notFound)
    }

    @Test func aStoreThatAllowsFramingIsAnsweredOnTheLoopWithItsPolicy() throws {
        let application = try Self.application()
        let tenant = try PortalFixtures.tenant()
        try TestDatabase.owner.query(
            "update tenant_branding set frame_ancestors = 'https://portal.isp.test' where tenant_id = $1", tenant.id)
        let byWorker = application.respond(to: Self.request("/", host: tenant.host))
        // The list came with the site: nothing more to load before the loop can answer.
        let onLoop = try #require(application.respondWithoutBlocking(to: Self.request("/", host: tenant.host)))
        #expect(onLoop.headers["Content-Security-Policy"]?.contains("frame-ancestors https://portal.isp.test;") == true)
        #expect(onLoop.headers["Content-Security-Policy"] == byWorker.headers["Content-Security-Policy"])
        #expect(onLoop.headers["X-Frame-Options"] == nil && byWorker.headers["X-Frame-Options"] == nil)
    }

    @Test func aStoreWithoutABrandingRowIsServedInTheNeutralLookAndItsSenderStillCounts() throws {
        let tenant = try PortalFixtures.tenant()
        try TestDatabase.owner.query("delete from tenant_branding where tenant_id = $1", tenant.id)
        let slug = String(tenant.host.prefix { $0 != "." })
        let record = try BrandingRepository(database: RowLevelSecurityFixtures.app).record(
            for: Tenant(id: tenant.id, slug: slug, name: "Fallback", tier: .starter, usesCustomPaymentGateway: false))
        #expect(record.branding.version == 0 && record.branding.displayName == "Fallback")
        #expect(record.frameAncestors.origins.isEmpty)
        #expect(!record.hasOwnWhatsAppSender)
        let page = try Self.application().respond(to: Self.request("/", host: tenant.host))
        #expect(page.status == .ok)
        #expect(page.headers["X-Frame-Options"] == "DENY")
    }

    @Test func whatNeedsTheDatabaseIsLeftToAWorker() throws {
        let application = try Self.application()
        let tenant = try PortalFixtures.tenant()
        #expect(application.respond(to: Self.request("/", host: tenant.host)).status == .ok)
        for (method, path) in [
            (HTTPMethod.POST, "/orders"), (.GET, "/admin/orders"), (.GET, "/portal"), (.GET, "/healthz"), (.GET, "/no-such-page"),
        ] {
            #expect(application.respondWithoutBlocking(to: Self.request(path, method: method, host: tenant.host)) == nil, "\(path)")
        }
    }

    @Test func aPackagePageIsRenderedOnceAndEachVisitorGetsItsOwnFormValues() throws {
        let application = try Self.application()
        let shop = try Shop.open()
        let id = try shop.addProfile(name: "Paket <Harian> & Malam")
        let path = "/vouchers/" + id.uuidString.lowercased()
        let first = application.respond(to: Self.request(path, host: shop.host))
        #expect(first.status == .ok)
        var withCookie = Self.request(path, host: shop.host)
        let token = String(repeating: "ab", count: 32)
        withCookie.headers.add("Cookie", "csrf=" + token)
        let onLoop = try #require(application.respondWithoutBlocking(to: withCookie))
        let again = try #require(application.respondWithoutBlocking(to: withCookie))
        let html = String(decoding: onLoop.body, as: UTF8.self)
        #expect(html.contains("Paket &lt;Harian&gt; &amp; Malam"))
        // The visitor's own CSRF token, no new cookie, and a new idempotency key on every rendering.
        #expect(Browser.hiddenValue("_csrf", in: html) == token)
        #expect(onLoop.headers["Set-Cookie"] == nil)
        let key = try #require(Browser.hiddenValue("idempotency_key", in: html))
        #expect(key != Browser.hiddenValue("idempotency_key", in: String(decoding: again.body, as: UTF8.self)))
        #expect(onLoop.headers["Cache-Control"] == "no-store")
        // A visitor without the cookie gets one, with the token its form carries.
        let fresh = try #require(application.respondWithoutBlocking(to: Self.request(path, host: shop.host)))
        let cookie = try #require(fresh.headers["Set-Cookie"])
        let freshToken = try #require(Browser.hiddenValue("_csrf", in: String(decoding: fresh.body, as: UTF8.self)))
        #expect(cookie.hasPrefix("csrf=" + freshToken + ";"))
        #expect(freshToken != token)
        // Another spelling of the address, or a query, is rendered by a worker.
        #expect(application.respondWithoutBlocking(to: Self.request(path + "?lang=en", host: shop.host)) == nil)
        #expect(application.respondWithoutBlocking(to: Self.request(path.uppercased(), host: shop.host)) == nil)
    }
}
