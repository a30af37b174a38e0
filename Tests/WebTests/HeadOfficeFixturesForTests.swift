import Foundation
import TestSupport
import Testing

/// Head-office admins and signed-in browsers on the platform host (`localhost`) for the `/head-office` tests.
///
/// Head office has no tenant, so the login throttle counts its failures per client address across
/// every head-office test: their server believes `X-Forwarded-For` from loopback, and each browser
/// comes from an address of its own, so tests that fail on purpose never lock out the others.
enum HeadOfficeFixtures {
    static let server = try! InProcessServer(environment: trustingLoopback)
    /// The same settings in a real process, for the test that reads the process's output.
    static let process = try! GerbangProcess(environment: trustingLoopback)
    private static let trustingLoopback = ["TRUSTED_PROXIES": "127.0.0.1"]
    static let platformHost = "localhost"

    struct Admin {
        let email: String
        let password: String
    }

    /// A new head-office admin (bcrypt cost 4, to keep tests quick).
    static func headAdmin() throws -> Admin {
        let admin = Admin(email: "ops-\(UUID().uuidString.prefix(8))@Gerbang.test", password: "pw-\(UUID().uuidString.prefix(12))")
        try TestDatabase.owner.query(
            """
            insert into admins (tenant_id, email, password_hash, role)
            values (null, lower($1), crypt($2, gen_salt('bf', 4)), 'head_admin')
            """, admin.email, admin.password)
        return admin
    }

    /// An English browser from an address of its own, on the platform host unless told otherwise.
    static func browser(host: String = platformHost, server: any TestServer = server) -> PortalBrowser {
        let browser = PortalBrowser(server: server, host: host)
        browser.cookies["lang"] = "en"
        browser.extraHeaders = [
            ("X-Forwarded-For", "10.\(Int.random(in: 0...255)).\(Int.random(in: 0...255)).\(Int.random(in: 1...254))")
        ]
        return browser
    }

    /// A browser signed in as a new head-office admin, with the tenants page open (its CSRF token kept).
    static func signedIn(server: any TestServer = server) throws -> (PortalBrowser, Admin) {
        let admin = try headAdmin()
        let browser = browser(server: server)
        try browser.get("/head-office/login")
        let response = try browser.post("/head-office/login", ["login": admin.email, "password": admin.password])
        try #require(response.status == 303, "head-office sign-in failed: \(response.status)")
        try #require(try browser.get("/head-office").status == 200)
        return (browser, admin)
    }

    /// The status of `GET path` once it is `expected`, or the last one seen after a second: a change
    /// reaches every instance's cache by NOTIFY, which lands a few milliseconds after the commit.
    static func status(of path: String, on browser: PortalBrowser, becoming expected: Int) throws -> Int {
        let deadline = Date().addingTimeInterval(1)
        var status = try browser.get(path).status
        while status != expected, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            status = try browser.get(path).status
        }
        return status
    }

    static func auditRows(actor: String) throws -> [(tenantID: UUID?, action: String, target: String, document: String)] {
        try TestDatabase.owner.query(
            """
            select tenant_id, action, target, coalesce(before::text, '') || ' ' || coalesce(after::text, '') as document
            from audit_log where actor = lower($1) order by id
            """, actor
        ).map {
            (
                $0.decode("tenant_id", as: UUID?.self), try $0.decode("action", as: String.self),
                try $0.decode("target", as: String.self), try $0.decode("document", as: String.self)
            )
        }
    }

    static func tenantRow(slug: String) throws -> (id: UUID, isActive: Bool, isDeleted: Bool, tier: String)? {
        try TestDatabase.owner.query(
            "select id, is_active, deleted_at is not null as deleted, tier from tenants where slug = $1", slug
        ).first.map {
            (
                try $0.decode("id", as: UUID.self), try $0.decode("is_active", as: Bool.self),
                try $0.decode("deleted", as: Bool.self), try $0.decode("tier", as: String.self)
            )
        }
    }
}
