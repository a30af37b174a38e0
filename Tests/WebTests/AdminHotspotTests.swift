import Foundation
import TestSupport
import Testing

/// `/admin/hotspot`: the signed-in admin's own hotspot export, listed and downloaded one file at a time.
@Suite struct AdminHotspotTests {
    static let exportedNames = [
        "login.html", "alogin.html", "status.html", "logout.html", "error.html", "redirect.html", "rlogin.html",
        "README.txt", "walled-garden.rsc",
    ]

    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    @Test(arguments: ["/admin/hotspot", "/admin/hotspot/login.html"])
    func withoutASessionTheAdminIsSentToSignIn(path: String) throws {
        let response = try PortalBrowser(host: admin.host).get(path)
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/admin/login")
    }

    @Test func theListShowsEveryExportedFileWithADownloadLink() throws {
        let response = try AdminFixtures.signedIn(admin).get("/admin/hotspot")
        #expect(response.status == 200)
        #expect(response.headers["Cache-Control"] == "no-store")
        for name in Self.exportedNames {
            #expect(response.text.contains(#"href="/admin/hotspot/\#(name)""#), "no link to \(name)")
        }
        #expect(response.text.contains(#"href="/admin/hotspot""#), "navigation has no hotspot entry")
    }

    @Test func loginPageDownloadsBrandedWithTheRouterVariablesIntact() throws {
        let response = try AdminFixtures.signedIn(admin).get("/admin/hotspot/login.html")
        #expect(response.status == 200)
        #expect(response.headers["Content-Disposition"] == #"attachment; filename="login.html""#)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.text.contains("$(link-login-only)"))
        let displayName = try AdminFixtures.branding(tenantID: admin.tenantID).displayName
        #expect(response.text.contains(displayName))
        #expect(response.text.contains("http://\(admin.host)"), "the store link is not the site the admin reached")
    }

    @Test func walledGardenScriptDownloadsAsPlainTextNamingTheStore() throws {
        let response = try AdminFixtures.signedIn(admin).get("/admin/hotspot/walled-garden.rsc")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(response.headers["Content-Disposition"] == #"attachment; filename="walled-garden.rsc""#)
        #expect(response.text.contains(admin.host))
    }

    @Test(arguments: ["/admin/hotspot/nope.html", "/admin/hotspot/..%2Fx", "/admin/hotspot/../x", "/admin/hotspot/a/b"])
    func aNameTheExporterDidNotProduceIsNotFound(path: String) throws {
        let response = try AdminFixtures.signedIn(admin).get(path)
        #expect(response.status == 404)
        #expect(response.headers["Content-Disposition"] == nil)
    }

    @Test func anotherTenantsCookieOnThisHostIsSentToSignIn() throws {
        let theirs = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin)
        let elsewhere = PortalBrowser(host: theirs.host)
        elsewhere.cookies = browser.cookies
        for path in ["/admin/hotspot", "/admin/hotspot/login.html"] {
            let response = try elsewhere.get(path)
            #expect(response.status == 303)
            #expect(response.headers["Location"] == "/admin/login")
        }
    }
}
