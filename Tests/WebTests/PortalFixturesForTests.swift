import Foundation
import Postgres
import TestSupport
import Testing

/// Subscribers, invoices and a small cookie-keeping browser for the portal's tests. Every fixture has
/// unique numbers and names, so tests can run in parallel against one database and one server.
enum PortalFixtures {
    struct Subscriber {
        let id: UUID
        let tenantID: UUID
        let customerNumber: String
        let pppoeUsername: String
        let name: String
        let password: String
    }

    struct Invoice {
        let id: UUID
        let number: String
        let token: String
    }

    /// A tenant (English by default), its host name (`<slug>.localhost`) and display name.
    static func tenant(name: String = "Portal ISP \(UUID().uuidString.prefix(6))", address: String = "")
        throws -> (id: UUID, host: String, name: String)
    {
        let tenant = try TestDatabase.createTenant(
            name: name, branding: .init(displayName: name, address: address, locale: "en"))
        return (tenant.id, "\(tenant.slug).localhost", name)
    }

    static func uniqueCode() -> String {
        code(length: 8)
    }

    /// Upper-case letters and digits, like the codes the application draws.
    static func code(length: Int) -> String {
        let alphabet = Array("34679ACDEFGHJKMNPQRTUVWXY")
        return String((0..<length).map { _ in alphabet.randomElement()! })
    }

    /// 64 hex digits, like `RandomToken.hex()`.
    static func hexToken() -> String {
        (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    @discardableResult
    static func subscriber(
        tenantID: UUID, name: String = "Subscriber \(UUID().uuidString.prefix(6))", status: String = "active",
        password: String = "pw-\(UUID().uuidString.prefix(12))"
    ) throws -> Subscriber {
        let code = uniqueCode()
        let customerNumber = "C-\(code)"
        let pppoe = "pp\(code.lowercased())@isp.test"
        let plan = try TestDatabase.owner.query(
            """
            insert into plans (tenant_id, name, price, radius_group) values ($1, 'Home 20 Mbps', 150000, 'home20')
            on conflict (tenant_id, radius_group) do update set name = excluded.name
            returning id
            """, tenantID
        ).first!.decode("id", as: UUID.self)
        let id = try TestDatabase.owner.query(
            """
            insert into subscribers (tenant_id, customer_number, pppoe_username, name, password_hash, plan_id, status)
            values ($1, $2, $3, $4, crypt($5, gen_salt('bf', 4)), $7, $6)
            returning id
            """, tenantID, customerNumber, pppoe, name, password, status, plan
        ).first!.decode("id", as: UUID.self)
        return Subscriber(
            id: id, tenantID: tenantID, customerNumber: customerNumber, pppoeUsername: pppoe, name: name,
            password: password)
    }

    /// An invoice due `dueInDays` from today (negative: overdue); `paid` sets `paid_at` to now.
    @discardableResult
    static func invoice(
        for subscriber: Subscriber, period: String, amount: Int64 = 150_000, dueInDays: Int = 10, paid: Bool = false
    ) throws -> Invoice {
        let number = "INV-\(uniqueCode())"
        let token = hexToken()
        let id = try TestDatabase.owner.query(
            """
            insert into invoices (tenant_id, invoice_number, subscriber_id, period, amount, status, due_date,
                payment_token_hash, payment_reference, paid_at)
            values ($1, $2, $3, $4, $5, case when $6 then 'paid' else 'unpaid' end, current_date + $7::integer,
                encode(sha256(convert_to($8, 'UTF8')), 'hex'), 'IV' || $9, case when $6 then now() end)
            returning id
            """, subscriber.tenantID, number, subscriber.id, period, amount, paid, dueInDays, token,
            code(length: 12)
        ).first!.decode("id", as: UUID.self)
        return Invoice(id: id, number: number, token: token)
    }

    static func invoiceStatus(_ invoice: Invoice) throws -> String {
        try TestDatabase.owner.query("select status from invoices where id = $1", invoice.id).first!
            .decode("status", as: String.self)
    }

    /// The failures the login throttle holds against an account, from every address.
    static func failedAttempts(account: String) throws -> Int {
        try TestDatabase.owner.query(
            "select coalesce(sum(failures), 0)::integer as n from login_throttle where account_key = lower($1) and client_address = ''",
            account
        ).first!.decode("n", as: Int.self)
    }
}

/// Keeps cookies between requests to one host, the way a browser would, and fills in the CSRF token
/// the last page carried.
final class PortalBrowser {
    let server: any TestServer
    let host: String
    var cookies: [String: String] = [:]
    var extraHeaders: [(String, String)] = []
    /// The `_csrf` value of the last page that had a form.
    var csrf: String?

    init(server: any TestServer = SharedServer.application, host: String) {
        self.server = server
        self.host = host
    }

    @discardableResult
    func get(_ path: String) throws -> TestHTTPResponse {
        remember(try server.request(method: "GET", path: path, host: host, headers: headers()))
    }

    /// A form POST; `_csrf` is the last page's token unless the fields name one (or `withCSRF` is false).
    @discardableResult
    func post(_ path: String, _ fields: [String: String] = [:], withCSRF: Bool = true) throws -> TestHTTPResponse {
        var fields = fields
        if withCSRF, fields["_csrf"] == nil, let csrf { fields["_csrf"] = csrf }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return remember(
            try server.request(
                method: "POST", path: path, host: host,
                headers: headers() + [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8)))
    }

    /// Opens the login page, then signs in.
    @discardableResult
    func logIn(_ login: String, _ password: String) throws -> TestHTTPResponse {
        try get("/portal/login")
        return try post("/portal/login", ["login": login, "password": password])
    }

    private func headers() -> [(String, String)] {
        let cookie = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        return (cookie.isEmpty ? [] : [("Cookie", cookie)]) + extraHeaders
    }

    private func remember(_ response: TestHTTPResponse) -> TestHTTPResponse {
        for header in response.headers.values("Set-Cookie") {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if header.contains("Max-Age=0") || value.isEmpty { cookies[name] = nil } else { cookies[name] = value }
        }
        if let range = response.text.range(of: #"name="_csrf" value="[0-9a-f]{64}""#, options: .regularExpression) {
            csrf = String(response.text[range].dropLast().suffix(64))
        }
        return response
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
