/// Maps `(method, path)` to a handler through a tree of path segments.
///
/// Built once at start-up, then only read, so it is a plain value shared by every worker thread.
/// Matching walks the tree segment by segment: literal children first (a dictionary lookup),
/// then `{name}` captures, then a trailing `{name...}` catch-all, backtracking where needed.
///
/// Request paths are split on `/` while still percent-encoded and each segment is decoded on its
/// own, so `%2F` never creates a segment. A malformed segment (bad escape, invalid UTF-8, NUL) makes
/// `match` throw `HTTPError(.badRequest)`; that is the only error it throws.
///
/// Each route carries `Rules` beside its handler: what the application must know of a route before its
/// handler runs (a body limit, a rate-limit family…), declared with it and handed back by `match`.
public struct Router<Context: Sendable, Rules: Sendable>: Sendable {
    public typealias Handler = @Sendable (HTTPRequest, Context, RouteParameters) throws -> HTTPResponse

    public struct Route: Sendable {
        public let handler: Handler
        public let pattern: RoutePattern
        public let rules: Rules
    }

    struct Node: Sendable {
        var literals: [Substring: Node] = [:]
        var parameters: [ParameterEdge] = []
        var catchAlls: [CatchAllEdge] = []
        var routes: [HTTPMethod: Route] = [:]
    }

    struct ParameterEdge: Sendable {
        let name: String
        var node: Node
    }

    struct CatchAllEdge: Sendable {
        let name: String
        var routes: [HTTPMethod: Route]
    }

    var root = Node()

    public init() {}

    /// Registers a handler. A malformed pattern or a second handler for the same method and
    /// pattern is a programming error and stops the process at start-up.
    public mutating func on(_ method: HTTPMethod, _ pattern: String, rules: Rules, handler: @escaping Handler) {
        let parsed: RoutePattern
        do {
            parsed = try RoutePattern(pattern)
        } catch {
            preconditionFailure("invalid route pattern: \(error)")
        }
        add(method, parsed, rules: rules, handler: handler)
    }

    public mutating func add(_ method: HTTPMethod, _ pattern: RoutePattern, rules: Rules, handler: @escaping Handler) {
        let route = Route(handler: handler, pattern: pattern, rules: rules)
        Self.insert(route, method: method, at: pattern.segments[...], into: &root)
    }

    /// Every registered method and pattern, for tests that must visit each route (read-only).
    public var patterns: [(method: HTTPMethod, pattern: RoutePattern)] {
        var found: [(method: HTTPMethod, pattern: RoutePattern)] = []
        func visit(_ node: Node) {
            found += node.routes.map { ($0.key, $0.value.pattern) }
            for child in node.literals.values { visit(child) }
            for edge in node.parameters { visit(edge.node) }
            for edge in node.catchAlls { found += edge.routes.map { ($0.key, $0.value.pattern) } }
        }
        visit(root)
        return found.sorted { ($0.pattern.description, $0.method.rawValue) < ($1.pattern.description, $1.method.rawValue) }
    }

    private static func insert(
        _ route: Route, method: HTTPMethod, at segments: ArraySlice<RoutePattern.Segment>, into node: inout Node
    ) {
        guard let first = segments.first else {
            precondition(node.routes[method] == nil, "duplicate route \(method.rawValue) \(route.pattern)")
            node.routes[method] = route
            return
        }
        let rest = segments.dropFirst()
        switch first {
        case .literal(let text):
            insert(route, method: method, at: rest, into: &node.literals[Substring(text), default: Node()])
        case .parameter(let name):
            if let index = node.parameters.firstIndex(where: { $0.name == name }) {
                insert(route, method: method, at: rest, into: &node.parameters[index].node)
            } else {
                var child = Node()
                insert(route, method: method, at: rest, into: &child)
                node.parameters.append(ParameterEdge(name: name, node: child))
            }
        case .catchAll(let name):
            if let index = node.catchAlls.firstIndex(where: { $0.name == name }) {
                let exists = node.catchAlls[index].routes[method] != nil
                precondition(!exists, "duplicate route \(method.rawValue) \(route.pattern)")
                node.catchAlls[index].routes[method] = route
            } else {
                node.catchAlls.append(CatchAllEdge(name: name, routes: [method: route]))
            }
        }
    }
}

/// The outcome of matching one request against a `Router`.
public enum RouteMatch<Context: Sendable, Rules: Sendable>: Sendable {
    case found(Router<Context, Rules>.Route, RouteParameters)
    /// The path exists, but not for this method; `allowed` is what an `Allow` header should list.
    case methodNotAllowed(allowed: [HTTPMethod])
    case notFound
}

/// A router whose routes carry no rules: the server's own tests and small tools.
extension Router where Rules == Void {
    public mutating func on(_ method: HTTPMethod, _ pattern: String, handler: @escaping Handler) {
        on(method, pattern, rules: (), handler: handler)
    }

    public mutating func get(_ pattern: String, handler: @escaping Handler) { on(.GET, pattern, handler: handler) }
    public mutating func post(_ pattern: String, handler: @escaping Handler) { on(.POST, pattern, handler: handler) }
    public mutating func put(_ pattern: String, handler: @escaping Handler) { on(.PUT, pattern, handler: handler) }
    public mutating func delete(_ pattern: String, handler: @escaping Handler) { on(.DELETE, pattern, handler: handler) }
}
