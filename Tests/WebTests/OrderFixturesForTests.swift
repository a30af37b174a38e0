import Foundation
import Postgres
import TestSupport
import Testing

/// A shop for storefront tests: a tenant paying through its own sandbox account, with packages.
struct Shop {
    let tenantID: UUID
    let slug: String
    let gatewayID: UUID
    var host: String { "\(slug).localhost" }

    /// A fresh tenant with its own active sandbox account, so no central row is needed.
    static func open(name: String = "Shop \(UUID().uuidString.prefix(6))") throws -> Shop {
        let tenant = try TestDatabase.createTenant(slug: TestDatabase.uniqueSlug("sf"), name: name)
        try TestDatabase.owner.query("update tenants set use_custom_payment_gateway = true where id = $1", tenant.id)
        let gatewayID = try TestDatabase.owner.query(
            """
            insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
            values ($1, 'sandbox', jsonb_build_object('secret', $2::text), true, true) returning id
            """, tenant.id, UUID().uuidString
        ).first!.decode("id", as: UUID.self)
        return Shop(tenantID: tenant.id, slug: tenant.slug, gatewayID: gatewayID)
    }

    @discardableResult
    func addProfile(
        name: String, price: Int64 = 5_000, validityMinutes: Int = 1_440, quotaMB: Int64? = nil, downloadKbps: Int? = 10_000,
        onSale: Bool = true, deleted: Bool = false
    ) throws -> UUID {
        try TestDatabase.owner.query(
            """
            insert into voucher_profiles (tenant_id, name, price, validity_minutes, data_quota_mb, download_kbps,
                upload_kbps, radius_group, evoucher_access, deleted_at)
            values ($1, $2, $3, $4, $5, $6, $6, 'test', $7, case when $8 then now() end) returning id
            """, tenantID, name, price, validityMinutes, quotaMB, downloadKbps, onSale, deleted
        ).first!.decode("id", as: UUID.self)
    }

    /// Rows of `voucher_orders` for this tenant with this idempotency key.
    func orderCount(idempotencyKey: String) throws -> Int {
        try TestDatabase.owner.query(
            "select count(*) as n from voucher_orders where tenant_id = $1 and idempotency_key = $2", tenantID, idempotencyKey
        ).first!.decode("n", as: Int.self)
    }

    func orderCount() throws -> Int {
        try TestDatabase.owner.query("select count(*) as n from voucher_orders where tenant_id = $1", tenantID)
            .first!.decode("n", as: Int.self)
    }

    func orderRow(number: String) throws -> PostgresRow {
        let rows = try TestDatabase.owner.query(
            """
            select status, amount, quantity, buyer_phone, buyer_email, buyer_name, access_token_hash, gateway_id,
                gateway_provider, gateway_reference, checkout_url, checkout_started_at is not null as checkout_claimed,
                extract(epoch from expires_at - created_at)::integer as lifetime
            from voucher_orders where tenant_id = $1 and order_number = $2
            """, tenantID, number)
        guard let row = rows.first else { throw TestSupportError("no order \(number)") }
        return row
    }
}

/// A browser for one host: remembers cookies, reads forms' hidden fields, posts forms.
final class Browser {
    let server: any TestServer
    let host: String
    private(set) var cookies: [String: String] = [:]
    /// How long to wait for an answer (longer for requests that wait on a slow gateway).
    var timeout: Duration = .seconds(5)

    init(server: any TestServer = SharedServer.application, host: String) {
        self.server = server
        self.host = host
    }

    @discardableResult
    func get(_ path: String) throws -> TestHTTPResponse {
        remember(
            try server.request(method: "GET", path: path, host: host, headers: cookieHeader, timeout: timeout))
    }

    @discardableResult
    func post(_ path: String, _ fields: [(String, String)]) throws -> TestHTTPResponse {
        try post(path, body: Browser.encode(fields))
    }

    @discardableResult
    func post(_ path: String, body: String) throws -> TestHTTPResponse {
        let headers = cookieHeader + [("Content-Type", "application/x-www-form-urlencoded")]
        return remember(
            try server.request(
                method: "POST", path: path, host: host, headers: headers, body: Array(body.utf8), timeout: timeout))
    }

    func forget(_ name: String) { cookies[name] = nil }
    func setCookie(_ name: String, _ value: String) { cookies[name] = value }

    private var cookieHeader: [(String, String)] {
        cookies.isEmpty ? [] : [("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))]
    }

    private func remember(_ response: TestHTTPResponse) -> TestHTTPResponse {
        for header in response.headers.values("Set-Cookie") {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        return response
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }

    /// The value of the first `<input … name="name" value="…">` in the page (unescaped `&amp;` `&quot;`).
    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every hidden input of the first form posting to `action`, as the browser would send them.
    static func hiddenFields(in html: String) -> [(String, String)] {
        let pattern = #"<input type="hidden" name="([^"]*)" value="([^"]*)">"#
        let regex = try! NSRegularExpression(pattern: pattern)
        let matches = regex.matches(in: html, range: NSRange(html.startIndex..., in: html))
        return matches.map { match in
            let name = String(html[Range(match.range(at: 1), in: html)!])
            let value = String(html[Range(match.range(at: 2), in: html)!])
            return (name, value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&"))
        }
    }
}

/// A buyer on a package page: opens it and fills the order form.
struct OrderAttempt {
    let browser: Browser
    let profileID: UUID
    let csrf: String
    let idempotencyKey: String

    /// Opens `/vouchers/{id}` (which sets the CSRF cookie) and reads the form's hidden fields.
    static func start(_ browser: Browser, profileID: UUID) throws -> OrderAttempt {
        let page = try browser.get("/vouchers/\(profileID.uuidString.lowercased())")
        guard page.status == 200, let csrf = Browser.hiddenValue("_csrf", in: page.text),
            let key = Browser.hiddenValue("idempotency_key", in: page.text)
        else { throw TestSupportError("package page did not render a form: \(page.status)") }
        return OrderAttempt(browser: browser, profileID: profileID, csrf: csrf, idempotencyKey: key)
    }

    /// The same form (same token and key) in a second browser with the same cookies, as a second tab
    /// of one browser submits it.
    func inOwnBrowser() -> OrderAttempt {
        let copy = Browser(server: browser.server, host: browser.host)
        copy.timeout = browser.timeout
        for (name, value) in browser.cookies { copy.setCookie(name, value) }
        return OrderAttempt(browser: copy, profileID: profileID, csrf: csrf, idempotencyKey: idempotencyKey)
    }

    func fields(
        phone: String = "0812 3456 7890", name: String = "", email: String = "", quantity: String = "1", terms: Bool = true
    ) -> [(String, String)] {
        var fields = [
            ("_csrf", csrf), ("idempotency_key", idempotencyKey), ("profile_id", profileID.uuidString.lowercased()),
            ("phone", phone), ("name", name), ("email", email), ("quantity", quantity),
        ]
        if terms { fields.append(("terms", "on")) }
        return fields
    }

    @discardableResult
    func submit(
        phone: String = "0812 3456 7890", name: String = "", email: String = "", quantity: String = "1", terms: Bool = true
    ) throws -> TestHTTPResponse {
        try browser.post("/orders", fields(phone: phone, name: name, email: email, quantity: quantity, terms: terms))
    }
}

extension TestHTTPResponse {
    var location: String { headers["Location"] ?? "" }

    /// `EV…` from a `/sandbox/checkout/EV…` or `/orders/EV…` location.
    var orderNumber: String? {
        location.range(of: #"EV[0-9A-Z]{12}"#, options: .regularExpression).map { String(location[$0]) }
    }
}
