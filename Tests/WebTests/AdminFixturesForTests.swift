import Foundation
import TestSupport
import Testing

/// Tenants with an admin, audit counts, and a multipart POST for the admin pages' tests. Every fixture
/// has unique names, so tests can run in parallel against one database and one server.
enum AdminFixtures {
    struct Admin {
        let tenantID: UUID
        let host: String
        let email: String
        let password: String
    }

    /// A new English tenant and its tenant admin (bcrypt cost 4, to keep tests quick).
    static func tenantWithAdmin() throws -> Admin {
        let tenant = try PortalFixtures.tenant()
        return try admin(tenantID: tenant.id, host: tenant.host)
    }

    /// A tenant admin for an existing tenant.
    static func admin(tenantID: UUID, host: String) throws -> Admin {
        let email = "Admin-\(UUID().uuidString.prefix(8))@Example.test"
        let password = "pw-\(UUID().uuidString.prefix(12))"
        try TestDatabase.owner.query(
            """
            insert into admins (tenant_id, email, password_hash, role)
            values ($1, lower($2), crypt($3, gen_salt('bf', 4)), 'tenant_admin')
            """, tenantID, email, password)
        return Admin(tenantID: tenantID, host: host, email: email, password: password)
    }

    /// A browser signed in as `admin`, on the admin's host unless told otherwise.
    static func signedIn(_ admin: Admin, server: any TestServer = SharedServer.application) throws -> PortalBrowser {
        let browser = PortalBrowser(server: server, host: admin.host)
        try browser.get("/admin/login")
        let response = try browser.post("/admin/login", ["login": admin.email, "password": admin.password])
        try #require(response.status == 303, "admin sign-in failed: \(response.status)")
        return browser
    }

    /// A printed batch of `profileID`, generated through `/admin/vouchers` by a signed-in admin of
    /// `tenantID` (`fields` override the form's: 20 codes of 8 unambiguous characters, each its own
    /// password, no reseller). Its id, and its cards in code order.
    static func printedBatch(
        by browser: PortalBrowser, tenantID: UUID, profileID: UUID, _ fields: [String: String] = [:]
    ) throws -> (id: UUID, cards: [(code: String, password: String)]) {
        try browser.get("/admin/vouchers")
        let form = [
            "package": profileID.uuidString.lowercased(), "quantity": "20", "code_length": "8", "alphabet": "unambiguous",
            "prefix": "", "password": "same", "reseller": "",
        ].merging(fields) { $1 }
        let generated = try browser.post("/admin/vouchers", form)
        try #require(generated.status == 303, "generate answered \(generated.status): \(generated.text)")
        let id = try #require(
            try TestDatabase.owner.query(
                "select id from voucher_batches where tenant_id = $1 order by created_at desc limit 1", tenantID
            ).first?.decode("id", as: UUID.self))
        let cards = try TestDatabase.owner.query("select code, password from vouchers where batch_id = $1 order by code", id)
            .map { row in
                let code = try row.decode("code", as: String.self)
                return (code, row.decode("password", as: String?.self) ?? code)
            }
        return (id, cards)
    }

    static func auditRows(tenantID: UUID) throws -> Int {
        try TestDatabase.owner.query("select count(*) as n from audit_log where tenant_id = $1", tenantID)
            .first!.decode("n", as: Int.self)
    }

    static func branding(tenantID: UUID) throws -> (displayName: String, primary: String, version: Int, logoType: String?) {
        let row = try TestDatabase.owner.query(
            "select display_name, primary_color, version, logo_content_type from tenant_branding where tenant_id = $1",
            tenantID
        ).first!
        return (
            try row.decode("display_name", as: String.self), try row.decode("primary_color", as: String.self),
            try row.decode("version", as: Int.self), row.decode("logo_content_type", as: String?.self)
        )
    }

    /// Every field of the branding form, valid, with `overrides` applied.
    static func brandingFields(_ overrides: [String: String] = [:]) -> [String: String] {
        [
            "display_name": "Renamed ISP", "tagline": "Quick internet", "primary_color": "#112233",
            "accent_color": "#ffcc00", "contact_whatsapp": "+6281234567890", "contact_email": "help@isp.test",
            "address": "Jl. Test 1", "footer_text": "PT Test", "default_locale": "en",
            "hotspot_login_url": "https://hotspot.isp.test/login",
        ].merging(overrides) { $1 }
    }

    /// A PNG header of the given size (enough for the server to read the dimensions).
    static func png(width: UInt32, height: UInt32, padding: Int = 0) -> [UInt8] {
        func be(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)] }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be(width)
            + be(height) + [8, 6, 0, 0, 0] + [UInt8](repeating: 0, count: padding)
    }
}

extension PortalBrowser {
    /// A `multipart/form-data` POST with the last page's `_csrf` (unless the fields name one) and one file.
    @discardableResult
    func postMultipart(
        _ path: String, _ fields: [String: String], file: (name: String, filename: String, type: String, bytes: [UInt8])?
    ) throws -> TestHTTPResponse {
        var fields = fields
        if fields["_csrf"] == nil, let csrf { fields["_csrf"] = csrf }
        let boundary = "----gerbang\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                    .utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        let cookie = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        let response = try server.request(
            method: "POST", path: path, host: host,
            headers: [("Cookie", cookie), ("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
        return response
    }
}
