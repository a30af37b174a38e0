import Foundation
import TestSupport
import Testing

/// `/head-office/accounts`: head office adds and removes other head-office admins (never itself) and changes
/// its own password (the current one required), each change audited and no password ever shown.
@Suite struct HeadOfficeAccountsTests {
    private static func signIn(_ email: String, _ password: String) throws -> Int {
        let browser = HeadOfficeFixtures.browser()
        try browser.get("/head-office/login")
        return try browser.post("/head-office/login", ["login": email, "password": password]).status
    }

    private static func newEmail() -> String { "added-\(UUID().uuidString.prefix(8).lowercased())@gerbang.test" }

    @Test func anAdminAddsAnotherWhoThenSignsInAndTheAdditionIsAudited() throws {
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        let page = try browser.get("/head-office/accounts")
        #expect(page.status == 200)
        #expect(page.text.contains("\(admin.email.lowercased()) (you)"))
        let email = Self.newEmail()
        let added = try browser.post("/head-office/accounts", ["email": email, "password": "added-password-1"])
        #expect(added.status == 303)
        #expect(try browser.get("/head-office/accounts").text.contains(email))
        #expect(try Self.signIn(email, "added-password-1") == 303)
        let audit = try HeadOfficeFixtures.auditRows(actor: admin.email)
        #expect(audit.contains { $0.action == "head_admin.create" && $0.target == email && !$0.document.contains("added-password") })
    }

    @Test func aBadAdditionIsShownAgainWithTheEmailKeptAndThePasswordNot() throws {
        let (browser, _) = try HeadOfficeFixtures.signedIn()
        try browser.get("/head-office/accounts")
        let short = try browser.post("/head-office/accounts", ["email": "<b>not-an-email", "password": "short-pw"])
        #expect(short.status == 422)
        #expect(short.text.contains("&lt;b&gt;not-an-email"))
        #expect(!short.text.contains("<b>not-an-email"))
        #expect(!short.text.contains("short-pw"))
        #expect(short.text.contains("10 to 200 characters"))

        let taken = try HeadOfficeFixtures.headAdmin()
        let duplicate = try browser.post("/head-office/accounts", ["email": taken.email, "password": "long-enough-pw"])
        #expect(duplicate.status == 422)
        #expect(duplicate.text.contains("exists already"))
    }

    @Test func anAdminRemovesAnotherWhoseSessionEndsButNeverItself() throws {
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        let (other, otherAdmin) = try HeadOfficeFixtures.signedIn()
        try browser.get("/head-office/accounts")
        let removed = try browser.post("/head-office/accounts/remove", ["email": otherAdmin.email.lowercased()])
        #expect(removed.status == 303)
        #expect(try other.get("/head-office").headers["Location"] == "/head-office/login", "the removed admin's session is over")
        #expect(try Self.signIn(otherAdmin.email, otherAdmin.password) == 422)

        let yourself = try browser.post("/head-office/accounts/remove", ["email": admin.email.lowercased()])
        #expect(yourself.status == 409)
        #expect(yourself.text.contains(#"<p class="form-alert" role="alert">You cannot remove your own account."#))
        #expect(try browser.get("/head-office").status == 200)
        #expect(try browser.post("/head-office/accounts/remove", ["email": "nobody@gerbang.test"]).status == 404)
        let forged = try browser.post(
            "/head-office/accounts/remove", ["email": otherAdmin.email, "_csrf": String(repeating: "0", count: 64)])
        #expect(forged.status == 403)
    }

    @Test func anAdminChangesItsOwnPasswordOnlyWithTheCurrentOne() throws {
        let (browser, admin) = try HeadOfficeFixtures.signedIn()
        try browser.get("/head-office/accounts")
        let wrong = try browser.post(
            "/head-office/accounts/password",
            ["current_password": "not-the-password", "new_password": "brand-new-pass-1", "new_password_again": "brand-new-pass-1"])
        #expect(wrong.status == 422)
        #expect(wrong.text.contains("This is not your current password."))
        #expect(!wrong.text.contains("brand-new-pass-1"))
        let differ = try browser.post(
            "/head-office/accounts/password",
            ["current_password": admin.password, "new_password": "brand-new-pass-1", "new_password_again": "brand-new-pass-2"])
        #expect(differ.status == 422)
        #expect(differ.text.contains("The two new passwords differ."))
        #expect(try Self.signIn(admin.email, admin.password) == 303, "nothing changed yet")

        let changed = try browser.post(
            "/head-office/accounts/password",
            ["current_password": admin.password, "new_password": "brand-new-pass-1", "new_password_again": "brand-new-pass-1"])
        #expect(changed.status == 303)
        #expect(try browser.get(changed.headers["Location"] ?? "/").text.contains("Your password has been changed."))
        #expect(try Self.signIn(admin.email, admin.password) == 422)
        #expect(try Self.signIn(admin.email, "brand-new-pass-1") == 303)
        #expect(try HeadOfficeFixtures.auditRows(actor: admin.email).contains { $0.action == "admin.password" })
    }
}
