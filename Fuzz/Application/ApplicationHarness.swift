import Foundation

@testable import HTTP
@testable import Web

/// libFuzzer entry point for the whole request path: arbitrary bytes through the request parser, the
/// application (middleware, tenant resolution, routes, handlers, PostgreSQL) and the response serializer.
/// Built by `scripts/fuzz.sh`, which starts a throwaway PostgreSQL and passes its URLs in the environment;
/// the database is migrated and the demo tenants loaded once per process.
///
/// So that the fuzzer reaches the handlers behind a sign-in, the input's `@SID@` and `@CSRF@` become a
/// signed-in demo admin's session cookie value and form token (`alpha.localhost`), `@PSID@` and
/// `@PCSRF@` a demo subscriber's, `@HSID@` and `@HCSRF@` a head-office admin's (`localhost`).
private let harness = ApplicationHarness()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzApplication(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = harness.substitute(Array(UnsafeBufferPointer(start: data, count: size)))
    let (exchanges, problems) = harness.path.run(input)
    if !problems.isEmpty {
        fatalError("invariant violated: \(problems.joined(separator: "; ")) after \(exchanges)")
    }
    return 0
}

private struct ApplicationHarness: Sendable {
    let path: WholeRequestPath
    let substitutions: [([UInt8], [UInt8])]

    init() {
        let environment = ProcessInfo.processInfo.environment
        do {
            var settings = environment
            // Nothing leaves the process: gateways point at a closed port, WhatsApp is off, no limits.
            for (key, value) in [
                "RATE_LIMITS": "off", "WHATSAPP_SEND": "false", "ACCESS_LOG": "false", "LOG_LEVEL": "error",
                "GATEWAY_TIMEOUT_SECONDS": "1", "MIDTRANS_SNAP_URL": "http://127.0.0.1:9", "MIDTRANS_API_URL": "http://127.0.0.1:9",
                "XENDIT_API_URL": "http://127.0.0.1:9", "SANDBOX_WEBHOOK_URL": "http://127.0.0.1:9", "DB_POOL_SIZE": "2",
                "BASE_DOMAIN": "localhost",
            ] where settings[key] == nil {
                settings[key] = value
            }
            let config = try AppConfig(environment: settings)
            try GerbangCommand.migrate(config)
            try GerbangCommand.loadDemo(config)
            path = WholeRequestPath(application: try Application(config: config))
        } catch {
            fatalError("the application harness needs DATABASE_URL and a database it can migrate: \(error)")
        }
        let admin = Self.signIn(
            path, host: "alpha.localhost", loginPath: "/admin/login", login: "admin@alpha-net.test", password: "admin123",
            page: "/admin/branding")
        let portal = Self.signIn(
            path, host: "alpha.localhost", loginPath: "/portal/login", login: "A-1001", password: "portal123", page: "/portal")
        let headOffice = Self.signIn(
            path, host: "localhost", loginPath: "/head-office/login", login: "ops@gerbang.test", password: "admin123", page: "/head-office")
        substitutions = [
            (Array("@PSID@".utf8), Array(portal.session.utf8)), (Array("@PCSRF@".utf8), Array(portal.csrf.utf8)),
            (Array("@HSID@".utf8), Array(headOffice.session.utf8)), (Array("@HCSRF@".utf8), Array(headOffice.csrf.utf8)),
            (Array("@SID@".utf8), Array(admin.session.utf8)), (Array("@CSRF@".utf8), Array(admin.csrf.utf8)),
        ]
    }

    func substitute(_ input: [UInt8]) -> [UInt8] {
        guard input.contains(UInt8(ascii: "@")) else { return input }
        var output = input
        for (placeholder, value) in substitutions {
            var result: [UInt8] = []
            var rest = output[...]
            while let range = rest.firstRange(of: placeholder) {
                result += rest[..<range.lowerBound] + value
                rest = rest[range.upperBound...]
            }
            output = result + rest
        }
        return output
    }

    /// Signs in through the application itself (double-submit token chosen here) and reads the form
    /// token off a signed-in page.
    private static func signIn(
        _ path: WholeRequestPath, host: String, loginPath: String, login: String, password: String, page: String
    ) -> (session: String, csrf: String) {
        let token = String(repeating: "ab", count: 32)
        let form = "_csrf=\(token)&login=\(login.replacingOccurrences(of: "@", with: "%40"))&password=\(password)"
        let signIn = path.responder.respond(
            to: request("POST \(loginPath)", host: host, cookie: "csrf=\(token)", body: Array(form.utf8)))
        guard let cookie = signIn.headers.values("Set-Cookie").first(where: { $0.hasPrefix("sid=") }),
            let session = cookie.dropFirst(4).split(separator: ";").first
        else {
            fatalError("signing in at \(loginPath) failed: \(signIn.status.code)")
        }
        let signedIn = path.responder.respond(to: request("GET \(page)", host: host, cookie: "sid=\(session)", body: []))
        let html = String(decoding: signedIn.body, as: UTF8.self)
        guard let field = html.range(of: #"name="_csrf" value=""#),
            let end = html[field.upperBound...].firstIndex(of: "\"")
        else {
            fatalError("no form token on \(page): \(signedIn.status.code)")
        }
        return (String(session), String(html[field.upperBound..<end]))
    }

    private static func request(_ line: String, host: String, cookie: String, body: [UInt8]) -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.add("Host", host)
        headers.add("Cookie", cookie)
        if !body.isEmpty { headers.add("Content-Type", "application/x-www-form-urlencoded") }
        let parts = line.split(separator: " ")
        return HTTPRequest(
            method: parts.first == "POST" ? .POST : .GET, target: String(parts.last ?? "/"), version: .http1_1,
            headers: headers, body: body, id: "fuzz", peerAddress: "127.0.0.1", clientAddress: "127.0.0.1",
            isSecure: false, host: host)
    }
}
