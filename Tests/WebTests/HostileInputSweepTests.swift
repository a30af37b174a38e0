import Foundation
import HTTP
import TestSupport
import Testing

@testable import Web

/// Every route of the application, read from its route tables, fed hostile input as raw bytes through
/// the server's own framing (`InProcessServer`):
/// invalid UTF-8 and NUL in path, query, form and headers, over-long fields, thousands
/// of parameters, CR/LF aimed at redirects, `..` in every path parameter, wrong content types and method
/// overrides, with a tenant admin's and a subscriber's session so signed-in routes are reached too.
/// Nothing may answer 5xx, trap, redirect off-site, or write a row.
@Suite struct HostileInputSweepTests {
    @Test func everyRouteAnswersHostileInputWithA4xxOrItsNormalPageAndWritesNothing() throws {
        let server = try InProcessServer(environment: ["RATE_LIMITS": "off"])
        defer { server.stop() }
        let site = try SweepSite(server: server)
        let before = try site.rowCounts()
        let routes = try HostileInputSweepTests.routes()
        #expect(routes.count >= 30, "the route tables look empty: \(routes.count)")

        var problems: [String] = []
        var sent = 0
        for route in routes {
            for request in HostileRequests.all(for: route, site: site) {
                sent += 1
                let response: TestHTTPResponse
                do {
                    response = try site.send(request)
                } catch {
                    problems.append("\(request.label): no answer (\(error))")
                    continue
                }
                if let problem = HostileRequests.problem(with: response) {
                    problems.append("\(request.label): \(problem)")
                }
            }
        }
        #expect(
            problems.isEmpty, "\(problems.count) of \(sent) hostile requests misbehaved:\n\(problems.prefix(40).joined(separator: "\n"))")
        #expect(try server.request(path: "/healthz").status == 200, "the server still answers")
        #expect(try site.rowCounts() == before, "hostile input wrote rows")
    }

    @Test func theSweptRouteListMatchesTheApplicationsRouteTables() throws {
        let routes = try HostileInputSweepTests.routes()
        let listed = Set(routes.map { "\($0.table) \($0.method.rawValue) \($0.pattern.description)" })
        // Routes every table must have: if the tables could not be read, the sweep would be empty.
        for expected in [
            "global GET /healthz", "global POST /payments/webhook/{provider}", "tenant GET /",
            "tenant POST /orders", "tenant GET /orders/{number}", "tenant POST /admin/branding",
            "tenant GET /portal/invoices/{number}", "tenant POST /sandbox/checkout/{reference}",
        ] {
            #expect(listed.contains(expected), "\(expected) is not swept")
        }
        #expect(routes.filter { !$0.parameterNames.isEmpty }.count >= 8, "routes with parameters are swept")
    }

    /// The application's routes, from the same tables the server builds.
    static func routes() throws -> [SweptRoute] {
        let config = try AppConfig(
            environment: [
                "DATABASE_URL": try TestEnvironment.require("DATABASE_URL"),
                "SECRETS_KEY": TestDatabase.secretsKey,
                "CONTENT_DIR": GerbangProcess.repositoryRoot + "/content",
                "PUBLIC_DIR": GerbangProcess.repositoryRoot + "/Public",
                "MIGRATIONS_DIR": GerbangProcess.repositoryRoot + "/db/migrations",
                // As the swept server has it (the test harness's default), so the sandbox's routes are swept too.
                "SANDBOX_GATEWAY": "true",
            ])
        let tables = Routes(services: try Services(config: config))
        return tables.global.patterns.map { SweptRoute(table: .global, method: $0.method, pattern: $0.pattern) }
            + tables.platform.patterns.map { SweptRoute(table: .platform, method: $0.method, pattern: $0.pattern) }
            + tables.tenant.patterns.map { SweptRoute(table: .tenant, method: $0.method, pattern: $0.pattern) }
    }
}

/// One route of one table.
struct SweptRoute: Sendable {
    enum Table: String, Sendable, CustomStringConvertible {
        case global, platform, tenant
        var description: String { rawValue }
    }

    let table: Table
    let method: HTTPMethod
    let pattern: RoutePattern

    /// The path with each parameter replaced by `value(name)` (already percent-encoded as needed).
    func path(_ value: (String) -> String) -> String {
        "/"
            + pattern.segments.map { segment in
                switch segment {
                case .literal(let text): text
                case .parameter(let name), .catchAll(let name): value(name)
                }
            }.joined(separator: "/")
    }

    var parameterNames: [String] {
        pattern.segments.compactMap { segment in
            switch segment {
            case .literal: nil
            case .parameter(let name), .catchAll(let name): name
            }
        }
    }
}
