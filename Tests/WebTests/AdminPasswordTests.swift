import Foundation
import TestSupport
import Testing

/// `/admin/password`: a tenant admin changes its own password with the current one, the new one twice;
/// never another tenant's admin's, and never without the session's token.
@Suite struct AdminPasswordTests {
    let admin: AdminFixtures.Admin

    init() throws {
        admin = try AdminFixtures.tenantWithAdmin()
    }

    private func signIn(_ password: String) throws -> Int {
        let browser = PortalBrowser(host: admin.host)
        try browser.get("/admin/login")
        return try browser.post("/admin/login", ["login": admin.email, "password": password]).status
    }

    @Test func anAdminChangesItsOwnPasswordOnlyWithTheCurrentOneAndTheNewOneTwice() throws {
        let browser = try AdminFixtures.signedIn(admin)
        #expect(try browser.get("/admin/password").status == 200)
        let new = "tenant-new-pass-1"
        let wrong = try browser.post(
            "/admin/password", ["current_password": "nope", "new_password": new, "new_password_again": new])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("This is not your current password."))
        #expect(!wrong.text.contains(new), "no password is written back")
        let short = try browser.post(
            "/admin/password", ["current_password": admin.password, "new_password": "short", "new_password_again": "short"])
        #expect(short.status == 422)
        #expect(short.text.contains("10 to 200 characters"))
        let forged = try browser.post(
            "/admin/password",
            [
                "current_password": admin.password, "new_password": new, "new_password_again": new,
                "_csrf": String(repeating: "0", count: 64),
            ])
        #expect(forged.status == 403)
        #expect(try signIn(admin.password) == 303, "nothing changed yet")

        let changed = try browser.post(
            "/admin/password", ["current_password": admin.password, "new_password": new, "new_password_again": new])
        #expect(changed.status == 303)
        #expect(try browser.get(changed.headers["Location"] ?? "/").text.contains("Your password has been changed."))
        #expect(try signIn(admin.password) == 422)
        #expect(try signIn(new) == 303)
        let audit = try TestDatabase.owner.query(
            "select count(*) as n from audit_log where tenant_id = $1 and action = 'admin.password' and before is null and after is null",
            admin.tenantID
        ).first!.decode("n", as: Int.self)
        #expect(audit == 1)
    }

    @Test func withoutASessionThePasswordPageRedirectsToTheLogin() throws {
        let browser = PortalBrowser(host: admin.host)
        #expect(try browser.get("/admin/password").headers["Location"] == "/admin/login")
        #expect(try browser.post("/admin/password", ["current_password": "x"]).status == 303)
    }
}
