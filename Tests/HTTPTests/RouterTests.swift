import Foundation
import Testing

@testable import HTTP

@Suite struct RouterTests {
    /// Each handler answers with its own name, so a test can see which route won.
    private static func named(_ name: String) -> Router<String, Void>.Handler {
        { _, context, parameters in
            let captured = parameters.names.map { "\($0)=\(parameters[$0] ?? "")" }.joined(separator: ",")
            return HTTPResponse.text("\(name)|\(context)|\(captured)")
        }
    }

    private static func portalRouter() -> Router<String, Void> {
        var router = Router<String, Void>()
        router.get("/", handler: named("home"))
        router.get("/vouchers/{id}", handler: named("voucher"))
        router.post("/orders", handler: named("createOrder"))
        router.get("/orders/{number}", handler: named("order"))
        router.get("/portal", handler: named("portal"))
        router.get("/portal/login", handler: named("loginForm"))
        router.post("/portal/login", handler: named("login"))
        router.get("/portal/invoices/{number}", handler: named("invoice"))
        router.post("/portal/invoices/{number}/pay", handler: named("payInvoice"))
        router.put("/admin/pages/{slug}", handler: named("putPage"))
        router.delete("/admin/pages/{slug}", handler: named("deletePage"))
        router.get("/assets/{path...}", handler: named("asset"))
        return router
    }

    private static func answer(_ router: Router<String, Void>, _ method: HTTPMethod, _ target: String) throws -> String {
        let response = try router.respond(to: HTTPRequest(method: method, target: target), context: "ctx")
        return String(decoding: response.body, as: UTF8.self)
    }

    @Test func literalAndCapturedSegmentsReachTheirHandlers() throws {
        let router = Self.portalRouter()
        #expect(try Self.answer(router, .GET, "/") == "home|ctx|")
        #expect(try Self.answer(router, .GET, "/portal") == "portal|ctx|")
        #expect(try Self.answer(router, .GET, "/portal/login") == "loginForm|ctx|")
        #expect(try Self.answer(router, .POST, "/portal/login") == "login|ctx|")
        #expect(try Self.answer(router, .GET, "/vouchers/42") == "voucher|ctx|id=42")
        #expect(try Self.answer(router, .POST, "/portal/invoices/INV-7/pay") == "payInvoice|ctx|number=INV-7")
        #expect(try Self.answer(router, .PUT, "/admin/pages/terms") == "putPage|ctx|slug=terms")
        #expect(try Self.answer(router, .DELETE, "/admin/pages/terms") == "deletePage|ctx|slug=terms")
    }

    @Test func queryStringIsNotPartOfTheMatch() throws {
        #expect(try Self.answer(Self.portalRouter(), .GET, "/orders/EV1?t=abc") == "order|ctx|number=EV1")
    }

    @Test func capturesArePercentDecodedAfterSplitting() throws {
        let router = Self.portalRouter()
        #expect(try Self.answer(router, .GET, "/vouchers/a%2Fb") == "voucher|ctx|id=a/b")
        #expect(try Self.answer(router, .GET, "/vouchers/caf%C3%A9%20au+lait") == "voucher|ctx|id=café au+lait")
        #expect(try Self.answer(router, .GET, "/%70ortal") == "portal|ctx|")
    }

    @Test func sqlInACaptureStaysData() throws {
        let router = Self.portalRouter()
        let answer = try Self.answer(router, .GET, "/vouchers/'%3B%20DROP%20TABLE%20vouchers%3B--")
        #expect(answer == "voucher|ctx|id='; DROP TABLE vouchers;--")
    }

    @Test(arguments: [
        "/vouchers/%zz", "/vouchers/%4", "/vouchers/%", "/vouchers/%C3%28", "/vouchers/%FF",
        "/vouchers/a%00b", "/x%ED%A0%80/y", "/unknown/%E2%82",
    ])
    func malformedSegmentsAreBadRequests(path: String) {
        let router = Self.portalRouter()
        #expect(statusOf { () throws(HTTPError) in _ = try router.match(method: .GET, path: path) } == .badRequest)
    }

    @Test func unknownPathsAndTrailingSlashesAreNotFound() throws {
        let router = Self.portalRouter()
        for path in ["/nowhere", "/portal/", "/vouchers", "/vouchers/", "/vouchers/1/extra", "//portal", "/assets"] {
            guard case .notFound = try router.match(method: .GET, path: path) else {
                Issue.record("\(path) should be 404")
                continue
            }
        }
        #expect(throws: HTTPError(.notFound)) { try Self.answer(router, .GET, "/nowhere") }
    }

    @Test func wrongMethodListsTheAllowedOnes() throws {
        let router = Self.portalRouter()
        guard case .methodNotAllowed(let allowed) = try router.match(method: .DELETE, path: "/portal/login") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.GET, .HEAD, .POST])
        #expect(throws: HTTPError(.methodNotAllowed, headers: ["Allow": "PUT, DELETE"])) {
            try Self.answer(router, .GET, "/admin/pages/terms")
        }
    }

    @Test func headIsAnsweredByTheGetRoute() throws {
        let router = Self.portalRouter()
        #expect(try Self.answer(router, .HEAD, "/vouchers/9") == "voucher|ctx|id=9")
        guard case .methodNotAllowed = try router.match(method: .HEAD, path: "/orders") else {
            Issue.record("HEAD must not reach a POST-only route")
            return
        }
    }

    @Test func catchAllCapturesTheRestOfThePath() throws {
        let router = Self.portalRouter()
        #expect(try Self.answer(router, .GET, "/assets/css/app.css") == "asset|ctx|path=css/app.css")
        #expect(try Self.answer(router, .GET, "/assets/a%2F..%2Fb") == "asset|ctx|path=a/../b")
    }

    @Test func literalsWinOverCapturesAndTheSearchBacktracks() throws {
        var router = Router<String, Void>()
        router.get("/pages/new", handler: Self.named("newPage"))
        router.get("/pages/{slug}", handler: Self.named("page"))
        router.get("/a/b/c", handler: Self.named("abc"))
        router.get("/a/{x}/d", handler: Self.named("axd"))
        router.post("/a/b/d", handler: Self.named("postAbd"))
        #expect(try Self.answer(router, .GET, "/pages/new") == "newPage|ctx|")
        #expect(try Self.answer(router, .GET, "/pages/faq") == "page|ctx|slug=faq")
        #expect(try Self.answer(router, .GET, "/a/b/d") == "axd|ctx|x=b")
        #expect(try Self.answer(router, .POST, "/a/b/d") == "postAbd|ctx|")
    }

    @Test func matchReportsThePatternForLogs() throws {
        guard
            case .found(let route, let parameters) = try Self.portalRouter().match(
                method: .POST, path: "/portal/invoices/12/pay")
        else {
            Issue.record("expected a match")
            return
        }
        #expect(route.pattern.description == "/portal/invoices/{number}/pay")
        #expect(parameters["number"] == "12")
    }

    @Test func malformedPatternsAreRejected() {
        for pattern in ["portal", "/a/{}", "/a/{id", "/a/x{id}", "/a/{id}/{id}", "/a/{rest...}/b", "/a/{bad-name}"] {
            #expect(throws: RoutePatternError.self, "\(pattern)") { try RoutePattern(pattern) }
        }
        #expect(throws: Never.self) { try RoutePattern("/assets/{path...}") }
    }

    @Test func sixtyRoutesMatchQuickly() throws {
        var router = Router<String, Void>()
        for index in 0..<30 {
            router.get("/section\(index)/items/{id}", handler: Self.named("s\(index)"))
            router.post("/section\(index)/items/{id}/edit", handler: Self.named("e\(index)"))
        }
        let start = ContinuousClock.now
        for index in 0..<20_000 {
            guard case .found = try router.match(method: .GET, path: "/section\(index % 30)/items/\(index)") else {
                Issue.record("no match")
                return
            }
        }
        // Generous even for a debug build on a busy machine; a regex or linear scan per segment would not need it.
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}
