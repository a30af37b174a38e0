import Foundation
import HTTP
import TestSupport
import Testing

@testable import Web

/// Every request header the code reads, set to hostile values (separators alone, q-values that are not
/// numbers, 8 KB of separators, invalid UTF-8, NUL, lone quotes, huge numbers), on every route of the
/// route tables, on a tenant's host, the platform host and an unknown host, as raw bytes through the
/// server's own framing (`InProcessServer`), so that the bytes reach the parser untouched and a trap
/// stops the test run. `Accept-Language: ;` used to stop the whole process.
/// Nothing may answer 5xx, and the server must answer `/healthz` after every route's batch.
@Suite struct HeaderSweepTests {
    /// Read by the application or the HTTP layer (`headers["…"]`, `headers.values("…")`, webhook checks).
    static let applicationHeaders = [
        "Accept-Language", "Cookie", "If-None-Match", "If-Modified-Since", "Content-Type", "X-Forwarded-For",
        "X-Forwarded-Proto", "X-Forwarded-Host", "X-Request-Id", "Authorization", "X-Callback-Token",
        SandboxGateway.signatureHeader, "User-Agent", "Origin", "Referer",
    ]
    /// Read by the request parser to frame the request: a bad value is refused before any route.
    static let framingHeaders = ["Host", "Content-Length", "Connection", "Expect", "Transfer-Encoding"]

    static let hostileValues: [(String, [UInt8])] = [
        ("empty", []), ("semicolon", Array(";".utf8)), ("comma", Array(",".utf8)), ("equals", Array("=".utf8)),
        ("q without number", Array("q=".utf8)), ("tag;q=", Array("en;q=".utf8)), ("q=NaN", Array("en;q=NaN, id;q=nan".utf8)),
        ("q=1e999", Array("en;q=1e999".utf8)), ("q=-1", Array("id;q=-1,en;q=-0".utf8)), ("*/*;q=", Array("*/*;q=".utf8)),
        ("invalid UTF-8", [0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), ("NUL", [0x65, 0x6e, 0x00, 0x3b]),
        ("lone quote", Array("\"".utf8)), ("quotes", Array("W/\"\",\"".utf8)), ("big number", Array("99999999999999999999".utf8)),
        ("negative", Array("-1".utf8)), ("separators", Array(";,=; ,= ;".utf8)),
    ]
    /// Values too large to send for every header at once (the head would exceed the 16 KB limit).
    static let largeValues: [(String, [UInt8])] = [
        ("8 KB of separators", Array(String(repeating: ";,= ", count: 2_048).utf8)),
        ("long token", Array(String(repeating: "a", count: 6_000).utf8)),
    ]

    @Test func everyHeaderWithHostileValuesOnEveryRouteAnswersWithoutA5xx() throws {
        let server = try InProcessServer(environment: ["RATE_LIMITS": "off"])
        defer { server.stop() }
        let site = try SweepSite(server: server)
        let routes = try HostileInputSweepTests.routes()
        let started = ContinuousClock.now
        var sweep = HeaderSweep(site: site)

        for route in routes {
            let tenantHost = route.table == .platform ? "localhost" : site.host
            for host in [tenantHost, "localhost", "unknown-\(UUID().uuidString.prefix(8)).example"] {
                for (label, value) in Self.hostileValues {
                    let headers = Self.applicationHeaders.map { ($0, value) }
                    sweep.send(route: route, host: host, label: "all headers \(label)", headers: headers)
                }
            }
            for (label, value) in Self.largeValues {
                for name in Self.applicationHeaders {
                    sweep.send(route: route, host: tenantHost, label: "\(name) \(label)", headers: [(name, value)])
                }
            }
            sweep.expectHealthy(after: "\(route.table) \(route.method.rawValue) \(route.pattern)")
        }
        // The parser reads these before any route: one GET and one POST route of each table will do.
        for route in Self.sample(of: routes) {
            for name in Self.framingHeaders {
                for (label, value) in Self.hostileValues + Self.largeValues {
                    sweep.send(route: route, host: site.host, label: "\(name) \(label)", headers: [(name, value)])
                }
            }
            sweep.expectHealthy(after: "framing headers on \(route.pattern)")
        }

        let elapsed = ContinuousClock.now - started
        print("header sweep: \(sweep.sent) requests on \(routes.count) routes in \(elapsed): \(sweep.statuses.sorted { $0.key < $1.key })")
        #expect(sweep.sent > 5_000, "the sweep sent only \(sweep.sent) requests")
        let reachedHandlers = sweep.statuses.filter { (200..<400).contains($0.key) }.values.reduce(0, +)
        #expect(reachedHandlers > 1_000, "only \(reachedHandlers) requests got past the parser and the sign-in")
        #expect(
            sweep.problems.isEmpty,
            "\(sweep.problems.count) of \(sweep.sent) requests misbehaved:\n\(sweep.problems.prefix(40).joined(separator: "\n"))")
    }

    @Test func theSweptHeadersIncludeEveryHeaderTheSourcesRead() throws {
        let sources = URL(fileURLWithPath: GerbangProcess.repositoryRoot + "/Sources")
        let read = try HeaderSweepTests.headerNamesRead(under: sources)
        #expect(read.count >= 10, "the source scan found too few headers: \(read)")
        let swept = Set((Self.applicationHeaders + Self.framingHeaders).map { $0.lowercased() })
        let missing = read.subtracting(swept)
        #expect(missing.isEmpty, "headers the code reads but the sweep does not send: \(missing.sorted())")
    }

    private static func sample(of routes: [SweptRoute]) -> [SweptRoute] {
        var chosen: [String: SweptRoute] = [:]
        for route in routes where route.parameterNames.isEmpty {
            chosen["\(route.table) \(route.method.rawValue)"] = chosen["\(route.table) \(route.method.rawValue)"] ?? route
        }
        return chosen.values.sorted { "\($0.pattern)" < "\($1.pattern)" }
    }

    /// Header names in `headers["…"]`, `headers.values("…")` and `.header("…")` reads under `Sources`.
    static func headerNamesRead(under directory: URL) throws -> Set<String> {
        let pattern = try Regex(#"(?:headers\[|headers\.values\(|\.header\()"([A-Za-z-]+)""#)
        var names: Set<String> = []
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.path.contains("/Templates/") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { names.insert(name.lowercased()) }
            }
        }
        // Headers the server sets on responses are looked up on them too; they are not request input.
        return names.subtracting(["content-security-policy", "date", "cache-control"])
    }
}

/// Sends the sweep's requests and keeps what went wrong.
struct HeaderSweep {
    let site: SweepSite
    private(set) var sent = 0
    private(set) var problems: [String] = []
    /// How many answers had each status: a sweep that only meets 400s proves little about the handlers.
    private(set) var statuses: [Int: Int] = [:]

    init(site: SweepSite) {
        self.site = site
    }

    mutating func send(
        route: SweptRoute, host: String, label: String, headers: [(String, [UInt8])]
    ) {
        let name = "\(route.table) \(route.method.rawValue) \(route.pattern) on \(host): \(label)"
        let target = Array(route.path(Self.plausibleValue).utf8)
        let isPost = route.method == .POST
        let path = route.pattern.description
        // A form the route could act on, but never the sign-out's token: it would end the sweep's sessions.
        let body =
            isPost
            ? Array("_csrf=\(path.hasSuffix("logout") ? "0" : path.hasPrefix("/admin") ? site.adminCSRF : site.portalCSRF)&name=x".utf8)
            : []
        var head = Array("\(route.method.rawValue) ".utf8) + target + Array(" HTTP/1.1\r\n".utf8)
        let replaced = Set(headers.map { $0.0.lowercased() })
        if !replaced.contains("host") { head += Array("Host: \(host)\r\n".utf8) }
        // The session goes first: the first value of a cookie wins, so a hostile Cookie line adds to it.
        head += Array("Cookie: \(site.cookie)\r\n".utf8)
        for (name, value) in headers { head += Array("\(name): ".utf8) + value + [13, 10] }
        if isPost, !replaced.contains("content-type") {
            head += Array("Content-Type: application/x-www-form-urlencoded\r\n".utf8)
        }
        if !replaced.contains("content-length") { head += Array("Content-Length: \(body.count)\r\n".utf8) }
        let request = head + [13, 10] + body
        sent += 1
        do {
            let response = try site.server.exchange(request, bodyless: route.method == .HEAD, timeout: .seconds(20))
            statuses[response.status, default: 0] += 1
            if response.status >= 500 { problems.append("\(name): answered \(response.status)") }
        } catch {
            problems.append("\(name): no answer (\(error))")
        }
    }

    /// A path parameter the handler gets past its parsing with, so the headers meet the code behind it.
    static func plausibleValue(_ parameter: String) -> String {
        switch parameter {
        case "slug": "faq"
        case "lang", "language": "en"
        case "provider": "sandbox"
        case "file": "login.html"
        case "path": "css/site.css"
        case "id": "00000000-0000-4000-8000-000000000000"
        case "token": String(repeating: "ab", count: 32)
        case "number": "A-1001"
        default: "x"
        }
    }

    /// `/healthz`: the application is still serving.
    mutating func expectHealthy(after batch: String) {
        do {
            let health = try site.server.request(path: "/healthz")
            if health.status != 200 { problems.append("after \(batch): /healthz answered \(health.status)") }
        } catch {
            problems.append("after \(batch): /healthz did not answer (\(error))")
        }
    }
}
