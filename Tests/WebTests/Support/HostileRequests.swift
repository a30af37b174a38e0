import Foundation
import Postgres
import TestSupport
import Testing

@testable import Web

/// One request of the sweep, as raw bytes so that invalid UTF-8 and NUL reach the server untouched.
struct HostileRequest {
    let label: String
    let method: String
    let target: [UInt8]
    let host: String
    var headers: [(String, [UInt8])] = []
    var body: [UInt8]? = nil
}

/// A tenant with a signed-in admin and a signed-in subscriber, so the sweep reaches the handlers behind
/// the sign-in, and the row counts that must not move.
struct SweepSite {
    let server: any TestServer
    let tenantID: UUID
    let host: String
    let cookie: String
    let adminCSRF: String
    let portalCSRF: String

    init(server: any TestServer) throws {
        self.server = server
        let admin = try AdminFixtures.tenantWithAdmin()
        tenantID = admin.tenantID
        host = admin.host
        let adminBrowser = try AdminFixtures.signedIn(admin, server: server)
        try adminBrowser.get("/admin/branding")
        adminCSRF = try #require(adminBrowser.csrf, "the admin page has a CSRF token")

        let subscriber = try PortalFixtures.subscriber(tenantID: admin.tenantID)
        let portal = PortalBrowser(server: server, host: admin.host)
        let signedIn = try portal.logIn(subscriber.pppoeUsername, subscriber.password)
        try #require(signedIn.status == 303, "subscriber sign-in failed: \(signedIn.status)")
        try portal.get("/portal")
        portalCSRF = try #require(portal.csrf ?? adminBrowser.csrf)

        let shop = Shop(tenantID: admin.tenantID, slug: String(admin.host.dropLast(".localhost".count)), gatewayID: UUID())
        try shop.addProfile(name: "Swept day")
        let all = adminBrowser.cookies.merging(portal.cookies) { first, _ in first }
        cookie = all.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    func send(_ request: HostileRequest) throws -> TestHTTPResponse {
        var head = Array("\(request.method) ".utf8) + request.target + Array(" HTTP/1.1\r\nHost: \(request.host)\r\n".utf8)
        head += Array("Connection: close\r\nCookie: \(cookie)\r\n".utf8)
        for (name, value) in request.headers { head += Array("\(name): ".utf8) + value + [13, 10] }
        if let body = request.body { head += Array("Content-Length: \(body.count)\r\n".utf8) }
        return try server.exchange(head + [13, 10] + (request.body ?? []), bodyless: request.method == "HEAD", timeout: .seconds(20))
    }

    /// Rows of this tenant in the tables a request could write to, and its branding version.
    func rowCounts() throws -> [String: Int] {
        let row = try #require(
            try TestDatabase.owner.query(
                """
                select
                    (select count(*) from voucher_orders where tenant_id = $1) as orders,
                    (select count(*) from vouchers where tenant_id = $1) as vouchers,
                    (select count(*) from payments where tenant_id = $1) as payments,
                    (select count(*) from invoices where tenant_id = $1) as invoices,
                    (select count(*) from subscribers where tenant_id = $1) as subscribers,
                    (select count(*) from admins where tenant_id = $1) as admins,
                    (select count(*) from voucher_profiles where tenant_id = $1) as profiles,
                    (select count(*) from content_pages where tenant_id = $1) as pages,
                    (select count(*) from tenant_domains where tenant_id = $1) as domains,
                    (select count(*) from radcheck where tenant_id = $1) as radius,
                    (select version from tenant_branding where tenant_id = $1) as branding_version
                """, tenantID
            ).first)
        var counts: [String: Int] = [:]
        for name in [
            "orders", "vouchers", "payments", "invoices", "subscribers", "admins", "profiles", "pages", "domains", "radius",
            "branding_version",
        ] {
            counts[name] = try row.decode(name, as: Int.self)
        }
        return counts
    }
}

/// The hostile requests for one route, and what makes an answer wrong.
enum HostileRequests {
    /// Path parameter values: traversal (plain and encoded), NUL, invalid UTF-8, CR/LF, SQL, over-long.
    static let parameterValues: [(String, [UInt8])] = [
        ("dot-dot", Array("..".utf8)), ("encoded dot-dot", Array("%2e%2e".utf8)),
        ("traversal", Array("..%2f..%2f..%2fetc%2fpasswd".utf8)), ("overlong dot", Array("%c0%ae%c0%ae".utf8)),
        ("encoded NUL", Array("a%00b".utf8)), ("encoded invalid UTF-8", Array("%ff%fe".utf8)),
        ("raw invalid UTF-8", [0x61, 0xff, 0xc3, 0x28]), ("CR/LF", Array("a%0d%0aLocation:%20%2f%2fevil.test".utf8)),
        ("SQL", Array("'%3b%20drop%20table%20tenants--".utf8)), ("long", Array(String(repeating: "a", count: 4_000).utf8)),
        ("encoded slash", Array("%2f%2fevil.test".utf8)), ("percent", Array("%25%".utf8)),
    ]

    static func all(for route: SweptRoute, site: SweepSite) -> [HostileRequest] {
        let host = route.table == .platform ? "localhost" : site.host
        let method = route.method.rawValue
        let plain = Array(route.path { _ in "x" }.utf8)
        let name = "\(route.table) \(method) \(route.pattern)"
        var requests: [HostileRequest] = []

        for parameter in route.parameterNames {
            for (label, value) in parameterValues {
                let target = route.path { $0 == parameter ? "\u{1}" : "x" }.utf8.split(separator: 1, omittingEmptySubsequences: false)
                    .map(Array.init).joined(separator: value)
                requests.append(HostileRequest(label: "\(name) {\(parameter)}=\(label)", method: method, target: Array(target), host: host))
            }
        }
        let queries: [(String, String)] = [
            ("query invalid UTF-8", "?lang=%ff%fe&t=%c3%28"), ("query NUL", "?lang=a%00b&domain=%00"),
            ("query CR/LF redirect", "?next=%2f%2fevil.test%0d%0aSet-Cookie:%20x=1&return=https://evil.test&lang=en%0d%0ax"),
            ("query many", "?" + (0..<600).map { "p\($0)=\($0)" }.joined(separator: "&")),
        ]
        for (label, query) in queries {
            requests.append(HostileRequest(label: "\(name) \(label)", method: method, target: plain + Array(query.utf8), host: host))
        }
        let headerCases: [(String, [(String, [UInt8])])] = [
            ("header invalid UTF-8", [("Accept-Language", [0xff, 0xfe, 0x65, 0x6e]), ("User-Agent", [0xc3, 0x28])]),
            ("header NUL", [("Accept-Language", Array("en\u{0}id".utf8)), ("X-Request-Id", [0x00])]),
            ("method override", [("X-HTTP-Method-Override", Array("DELETE".utf8)), ("X-Method-Override", Array("PUT".utf8))]),
            ("untrusted forwarded host", [("X-Forwarded-Host", Array("evil.test".utf8)), ("X-Forwarded-Proto", Array("javascript".utf8))]),
            ("garbage cookie", [("Cookie", [0xff, 0x3d, 0x00, 0x3b, 0x3b, 0x3d])]),
        ]
        for (label, headers) in headerCases {
            let body: [UInt8]? = route.method == .POST ? Array("_method=DELETE".utf8) : nil
            var request = HostileRequest(label: "\(name) \(label)", method: method, target: plain, host: host, headers: headers, body: body)
            if body != nil { request.headers.append(("Content-Type", Array("application/x-www-form-urlencoded".utf8))) }
            requests.append(request)
        }
        if route.method == .POST {
            requests += bodies(route: route, target: plain, host: host, site: site).map { label, type, body in
                HostileRequest(
                    label: "\(name) \(label)", method: method, target: plain, host: host,
                    headers: type.map { [("Content-Type", Array($0.utf8))] } ?? [], body: body)
            }
        }
        return requests
    }

    /// Form bodies carrying the right CSRF token for the route (so they get past it to the validation),
    /// except on the sign-out routes, which would end the sweep's sessions.
    private static func bodies(route: SweptRoute, target: [UInt8], host: String, site: SweepSite)
        -> [(String, String?, [UInt8])]
    {
        let path = route.pattern.description
        let csrf =
            path.hasSuffix("logout") ? "0" : path.hasPrefix("/admin") ? site.adminCSRF : site.portalCSRF
        let fields = [
            "name", "title", "markdown", "display_name", "login", "password", "phone", "quantity", "profile_id",
            "idempotency_key", "domain", "outcome", "email", "primary_color", "price",
        ]
        func form(_ value: String) -> [UInt8] {
            Array((["_csrf=\(csrf)"] + fields.map { "\($0)=\(value)" }).joined(separator: "&").utf8)
        }
        let urlEncoded = "application/x-www-form-urlencoded"
        return [
            ("form invalid UTF-8", urlEncoded, form("%ff%fe%c3%28")),
            (
                "form raw invalid UTF-8", urlEncoded,
                Array("_csrf=\(csrf)&name=".utf8) + [0xff, 0xfe] + Array("&markdown=".utf8) + [0xc0, 0xaf]
            ),
            ("form NUL", urlEncoded, form("a%00b")),
            ("form raw NUL", urlEncoded, Array("_csrf=\(csrf)&name=a".utf8) + [0] + Array("b&markdown=".utf8) + [0]),
            ("form over-long", urlEncoded, form(String(repeating: "A", count: 60_000))),
            (
                "form 5000 parameters", urlEncoded,
                Array((["_csrf=\(csrf)"] + (0..<5_000).map { "p\($0)=\($0)" }).joined(separator: "&").utf8)
            ),
            (
                "form CR/LF redirect", urlEncoded,
                Array("_csrf=\(csrf)&next=%2f%2fevil.test%0d%0aSet-Cookie:%20x=1&return_to=https://evil.test&lang=en%0d%0ax".utf8)
            ),
            ("JSON body", "application/json", Array(#"{"_csrf":"\#(csrf)","name":"x"}"#.utf8)),
            ("text body", "text/plain", Array("hello".utf8)),
            ("multipart without boundary", "multipart/form-data", Array("--x\r\n\r\n".utf8)),
            (
                "multipart broken", "multipart/form-data; boundary=zz",
                Array(
                    "--zz\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n--zz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"
                        .utf8) + [0xff, 0x00]
            ),
            ("no content type", nil, form("x")),
        ]
    }

    /// What is wrong with an answer: a 5xx, a redirect off the site, or a header an input injected.
    static func problem(with response: TestHTTPResponse) -> String? {
        if response.status >= 500 { return "answered \(response.status)" }
        if let location = response.headers["Location"] {
            if !location.hasPrefix("/") || location.hasPrefix("//") || location.hasPrefix("/\\") {
                return "redirects off the site to \(location)"
            }
        }
        for value in response.headers.values("Set-Cookie") where value.hasPrefix("x=") {
            return "an input set a cookie: \(value)"
        }
        if response.headers.fields.contains(where: { $0.name.lowercased() == "x" }) { return "an input added a header" }
        return nil
    }
}
