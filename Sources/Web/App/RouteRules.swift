import HTTP

/// What a route declares beside its handler: everything the application must know of it before the
/// handler runs or after it returns. Read from the route the request was routed to (its decoded path),
/// never from the raw spelling of the path, so no percent-encoded spelling escapes a route's rules.
struct RouteRules: Sendable {
    /// Bodies up to this size are read; a larger `Content-Length` is refused with 413 before reading.
    var bodyLimit = RouteRules.defaultBodyBytes
    /// The per-address family a request also counts against: guessing passwords, creating orders,
    /// opening payments, flooding the webhook. Declared on `POST` routes only: showing a form costs
    /// nothing worth limiting separately.
    var family: SensitiveRoute?
    /// Counted against the tenant's rate limits; false for brand files, which need no database.
    var isCounted = true
    /// `no-store` for pages with a signed-in person's data.
    var cache = CachePolicy.asAnswered
    /// The metrics label: the declared pattern, so a scanner's paths cannot make new series.
    var label = ""
    /// The handler itself never blocks (it answers from what the context and memory hold), so it runs on
    /// the event loop whenever the site is in memory too.
    var neverBlocks = false
    /// The route's answer from memory, given on the event loop; it throws `AnswerNeedsWorker` when its
    /// caches do not hold the answer. Nil, and the handler may block: every request is a worker's.
    var fromMemory: AnswerFromMemory?

    /// A route's answer from memory: the handler's arguments, and no blocking work.
    typealias AnswerFromMemory = @Sendable (HTTPRequest, TenantContext, RouteParameters) throws -> HTTPResponse

    static let defaultBodyBytes = 1 << 20

    /// The rules of a request that was routed nowhere: a malformed path is refused by the router with 400,
    /// and counting its `POST` as a sign-in keeps it limited too.
    static func unrouted(_ method: HTTPMethod, malformed: Bool) -> RouteRules {
        RouteRules(family: malformed && method == .POST ? .login : nil, label: Metrics.unmatchedRoute)
    }
}

/// How a browser or proxy may keep a route's answers.
enum CachePolicy: Sendable {
    /// As the handler set it (public pages set their own validators and lifetimes).
    case asAnswered
    /// Never stored: pages with a signed-in person's data, forms with their CSRF token. Set on every
    /// answer of the route that does not already say `no-store` (`private, no-store` stays): it replaces
    /// the `no-cache` of a rendered page, which would still let a cache keep the page.
    case noStore

    func apply(to response: inout HTTPResponse) {
        guard case .noStore = self,
            !response.headers.values("Cache-Control").contains(where: { $0.lowercased().contains("no-store") })
        else { return }
        response.headers.set("Cache-Control", "no-store")
    }
}

/// A site's route table: each route with its rules.
typealias RouteTable<Context: Sendable> = Router<Context, RouteRules>

/// Routes declared for one kind of request: anyone on a tenant's site (`TenantContext`), its signed-in
/// admin (`AuthenticatedTenantAdmin`), a signed-in subscriber, head office… A group is added to its site's
/// table with the way in, which every handler of the group passes before it runs: a handler that takes a
/// signed-in admin cannot run without one.
struct RouteGroup<Context: Sendable>: Sendable {
    typealias Handler = @Sendable (HTTPRequest, Context, RouteParameters) throws -> HTTPResponse

    struct Declaration: Sendable {
        let method: HTTPMethod
        let pattern: String
        let rules: RouteRules
        let handler: Handler
    }

    private(set) var declarations: [Declaration] = []
    /// What every route of the group has unless it says otherwise (`no-store` for signed-in areas).
    let cache: CachePolicy

    init(cache: CachePolicy = .asAnswered) {
        self.cache = cache
    }

    mutating func get(
        _ pattern: String, isCounted: Bool = true, neverBlocks: Bool = false,
        fromMemory: RouteRules.AnswerFromMemory? = nil, handler: @escaping Handler
    ) {
        var rules = RouteRules(isCounted: isCounted, cache: cache)
        rules.neverBlocks = neverBlocks
        rules.fromMemory = fromMemory
        on(.GET, pattern, rules: rules, handler: handler)
    }

    mutating func post(
        _ pattern: String, bodyLimit: Int = RouteRules.defaultBodyBytes, limit family: SensitiveRoute? = nil,
        handler: @escaping Handler
    ) {
        on(.POST, pattern, rules: RouteRules(bodyLimit: bodyLimit, family: family, cache: cache), handler: handler)
    }

    mutating func on(_ method: HTTPMethod, _ pattern: String, rules: RouteRules, handler: @escaping Handler) {
        var rules = rules
        rules.label = pattern
        declarations.append(Declaration(method: method, pattern: pattern, rules: rules, handler: handler))
    }
}

extension Router where Rules == RouteRules {
    /// Adds routes whose handlers take this table's context as it is.
    mutating func add(_ group: RouteGroup<Context>) {
        for declaration in group.declarations {
            on(declaration.method, declaration.pattern, rules: declaration.rules, handler: declaration.handler)
        }
    }

    /// Adds routes whose handlers take a signed-in member: `entering` makes one from the request and the
    /// site's context, or throws (a redirect to the area's sign-in page).
    mutating func add<Member: Sendable>(
        _ group: RouteGroup<Member>, entering: @escaping @Sendable (HTTPRequest, Context) throws -> Member
    ) {
        for declaration in group.declarations {
            let handler = declaration.handler
            on(declaration.method, declaration.pattern, rules: declaration.rules) { request, context, parameters in
                try handler(request, try entering(request, context), parameters)
            }
        }
    }
}

/// Where one request was routed in one table, found once and read by the middleware (its rules), the
/// endpoint (its handler) and the metrics (its label).
enum RouteLookup<Context: Sendable>: Sendable {
    case found(RouteTable<Context>.Route, RouteParameters)
    case methodNotAllowed([HTTPMethod])
    case notFound
    case malformed(HTTPError)

    init(_ table: RouteTable<Context>, _ request: HTTPRequest) {
        do {
            switch try table.match(method: request.method, path: request.path) {
            case .found(let route, let parameters): self = .found(route, parameters)
            case .methodNotAllowed(let allowed): self = .methodNotAllowed(allowed)
            case .notFound: self = .notFound
            }
        } catch {
            self = .malformed(error)
        }
    }

    var isFound: Bool {
        if case .found = self { true } else { false }
    }

    var isNotFound: Bool {
        if case .notFound = self { true } else { false }
    }

    /// What the route's pattern captured; none when the request was routed nowhere.
    var parameters: RouteParameters {
        if case .found(_, let parameters) = self { parameters } else { RouteParameters() }
    }

    func rules(for method: HTTPMethod) -> RouteRules {
        switch self {
        case .found(let route, _): route.rules
        case .malformed: .unrouted(method, malformed: true)
        case .methodNotAllowed, .notFound: .unrouted(method, malformed: false)
        }
    }

    /// The route's answer, with its cache policy applied; 404, 405 (with `Allow`) or 400 where there is none.
    func respond(to request: HTTPRequest, context: Context) throws -> HTTPResponse {
        switch self {
        case .found(let route, let parameters):
            var response = try route.handler(request, context, parameters)
            route.rules.cache.apply(to: &response)
            return response
        case .methodNotAllowed(let allowed):
            throw HTTPError(.methodNotAllowed, headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
        case .notFound:
            throw HTTPError(.notFound)
        case .malformed(let error):
            throw error
        }
    }
}
