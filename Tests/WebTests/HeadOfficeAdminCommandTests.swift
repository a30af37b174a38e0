import Foundation
import TestSupport
import Testing

/// `gerbang admin create --email …` and `gerbang admin list`, run as an operator would, the password
/// piped to standard input; the account then signs in at `/head-office/login` on a real server.
@Suite struct HeadOfficeAdminCommandTests {
    /// Runs `gerbang admin <arguments>` with `input` on standard input.
    private static func admin(_ arguments: String, input: String) throws -> (status: Int32, output: String) {
        try ChildProcess.run(
            "/bin/sh", ["-c", "printf '%s\\n' \"$GERBANG_INPUT\" | \"$GERBANG\" admin \(arguments)"],
            environment: ["GERBANG": GerbangProcess.executablePath, "GERBANG_INPUT": input])
    }

    private static func uniqueEmail() -> String { "ops-\(UUID().uuidString.prefix(8).lowercased())@gerbang.test" }

    @Test func aHeadOfficeAdminCreatedFromTheCommandLineSignsIn() throws {
        let email = Self.uniqueEmail()
        let password = "cli-password-\(UUID().uuidString.prefix(6))"
        let created = try Self.admin("create --email \(email.uppercased())", input: password)
        #expect(created.status == 0, "\(created.output)")
        #expect(created.output.contains("head-office admin \(email) created"))
        #expect(!created.output.contains(password))

        let browser = HeadOfficeFixtures.browser()
        try browser.get("/head-office/login")
        #expect(try browser.post("/head-office/login", ["login": email, "password": password]).status == 303)
        #expect(try browser.get("/head-office").status == 200)

        let listed = try Self.admin("list", input: "")
        #expect(listed.status == 0)
        #expect(listed.output.contains(email))
        #expect(try HeadOfficeFixtures.auditRows(actor: "gerbang admin create").contains { $0.target == email })
    }

    @Test func aShortPasswordATakenEmailAndAPasswordArgumentAreRefused() throws {
        let email = Self.uniqueEmail()
        let short = try Self.admin("create --email \(email)", input: "short")
        #expect(short.status != 0)
        #expect(short.output.contains("10 to 200 characters"))
        #expect(try !Self.admin("list", input: "").output.contains(email))

        #expect(try Self.admin("create --email \(email)", input: "long-enough-password").status == 0)
        let again = try Self.admin("create --email \(email)", input: "another-long-password")
        #expect(again.status != 0)
        #expect(again.output.contains("exists already"))

        let argument = try Self.admin("create --email \(Self.uniqueEmail()) --password long-enough-password", input: "")
        #expect(argument.status != 0)
        #expect(argument.output.contains("read from standard input"))

        let notAnEmail = try Self.admin("create --email not-an-email", input: "long-enough-password")
        #expect(notAnEmail.status != 0)
    }
}
