import Foundation
import TestSupport
import Testing

/// Tenants with plans, a signed-in admin and the import's two steps, for the import and export tests.
struct ImportShop {
    let admin: AdminFixtures.Admin
    let browser: PortalBrowser

    var tenantID: UUID { admin.tenantID }
    var slug: String { String(admin.host.dropLast(".localhost".count)) }

    /// A new tenant with the plans `Home 20` (group `rumah20`) and `Home 50` (group `home50`), signed in.
    static func open() throws -> ImportShop {
        let admin = try AdminFixtures.tenantWithAdmin()
        try TestDatabase.owner.query(
            """
            insert into plans (tenant_id, name, price, radius_group)
            values ($1, 'Home 20', 150000, 'rumah20'), ($1, 'Home 50', 250000, 'home50')
            """, admin.tenantID)
        let browser = try AdminFixtures.signedIn(admin)
        try browser.get("/admin/subscribers/import")
        return ImportShop(admin: admin, browser: browser)
    }

    /// Uploads `bytes` for the dry run.
    func check(_ bytes: [UInt8], filename: String = "pelanggan.csv") throws -> TestHTTPResponse {
        try browser.postMultipart(
            "/admin/subscribers/import", [:], file: (name: "file", filename: filename, type: "text/csv", bytes: bytes))
    }

    /// The dry run's token and the count it promised, from its confirm form.
    static func confirmation(in page: TestHTTPResponse) throws -> (token: String, expected: String) {
        let text = page.text
        let token = try #require(value(of: "token", in: text), "no confirm form on the page:\n\(text)")
        let expected = try #require(value(of: "expected", in: text))
        return (token, expected)
    }

    /// A hidden field's value (`<input type="hidden" name="…" value="…">`).
    static func value(of name: String, in html: String) -> String? {
        guard let field = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[field.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    func confirm(_ page: TestHTTPResponse) throws -> TestHTTPResponse {
        let (token, expected) = try Self.confirmation(in: page)
        return try browser.post("/admin/subscribers/import/confirm", ["token": token, "expected": expected])
    }

    func subscriberCount() throws -> Int {
        try TestDatabase.owner.query("select count(*) as n from subscribers where tenant_id = $1", tenantID)
            .first!.decode("n", as: Int.self)
    }

    func radiusCount() throws -> (passwords: Int, groups: Int) {
        let row = try TestDatabase.owner.query(
            """
            select (select count(*) from radcheck where tenant_id = $1) as passwords,
                (select count(*) from radusergroup where tenant_id = $1) as groups
            """, tenantID
        ).first!
        return (try row.decode("passwords", as: Int.self), try row.decode("groups", as: Int.self))
    }
}
