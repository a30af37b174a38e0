extension Router {
    /// Finds the handler for a raw (still percent-encoded) path. `HEAD` is answered by `GET` routes.
    ///
    /// - Throws: `HTTPError(.badRequest)` when a path segment is malformed.
    public func match(method: HTTPMethod, path: String) throws(HTTPError) -> RouteMatch<Context, Rules> {
        guard path.utf8.first == UInt8(ascii: "/") else { return .notFound }
        let segments = try Self.decodedSegments(of: path)
        var captures: [(name: String, value: Substring)] = []
        var allowed: Set<HTTPMethod> = []
        if let (route, parameters) = search(root, segments[...], method, &captures, &allowed) {
            return .found(route, parameters)
        }
        if allowed.isEmpty { return .notFound }
        if allowed.contains(.GET) { allowed.insert(.HEAD) }
        return .methodNotAllowed(allowed: HTTPMethod.allCases.filter(allowed.contains))
    }

    /// Matches and runs the handler; no route becomes `HTTPError(.notFound)` and a wrong method
    /// `HTTPError(.methodNotAllowed)` with an `Allow` header, for the one place that renders errors.
    public func respond(to request: HTTPRequest, context: Context) throws -> HTTPResponse {
        switch try match(method: request.method, path: request.path) {
        case .found(let route, let parameters):
            return try route.handler(request, context, parameters)
        case .methodNotAllowed(let allowed):
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            throw HTTPError(.methodNotAllowed, headers: ["Allow": allow])
        case .notFound:
            throw HTTPError(.notFound)
        }
    }

    /// Splits after the leading `/` and decodes each segment; segments without `%` stay slices of
    /// `path`, so the common case allocates only the array.
    static func decodedSegments(of path: String) throws(HTTPError) -> [Substring] {
        var segments: [Substring] = []
        segments.reserveCapacity(8)
        for raw in path.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            let segment = Substring(raw)
            guard raw.contains(where: { $0 == UInt8(ascii: "%") || $0 == 0 }) else {
                segments.append(segment)
                continue
            }
            do {
                segments.append(Substring(try PercentDecoding.decode(raw, mode: .pathSegment)))
            } catch {
                throw HTTPError(.badRequest, "bad path: \(error.message)")
            }
        }
        return segments
    }

    /// Depth-first search in precedence order: literal, then captures, then catch-alls. Paths that
    /// exist for other methods are collected in `allowed` while the search goes on, so a capture
    /// route for this method still wins over a literal route for another.
    private func search(
        _ node: Node, _ segments: ArraySlice<Substring>, _ method: HTTPMethod,
        _ captures: inout [(name: String, value: Substring)], _ allowed: inout Set<HTTPMethod>
    ) -> (Route, RouteParameters)? {
        guard let first = segments.first else {
            if let route = Self.route(in: node.routes, for: method) {
                return (route, Self.parameters(captures, catchAll: nil))
            }
            allowed.formUnion(node.routes.keys)
            return nil
        }
        let rest = segments.dropFirst()
        if let child = node.literals[first], let found = search(child, rest, method, &captures, &allowed) {
            return found
        }
        if !first.isEmpty {
            for edge in node.parameters {
                captures.append((edge.name, first))
                if let found = search(edge.node, rest, method, &captures, &allowed) { return found }
                captures.removeLast()
            }
        }
        for edge in node.catchAlls {
            if let route = Self.route(in: edge.routes, for: method) {
                let value = segments.joined(separator: "/")
                return (route, Self.parameters(captures, catchAll: (edge.name, value)))
            }
            allowed.formUnion(edge.routes.keys)
        }
        return nil
    }

    private static func route(in routes: [HTTPMethod: Route], for method: HTTPMethod) -> Route? {
        if let route = routes[method] { return route }
        return method == .HEAD ? routes[.GET] : nil
    }

    private static func parameters(
        _ captures: [(name: String, value: Substring)], catchAll: (name: String, value: String)?
    ) -> RouteParameters {
        var parameters = RouteParameters()
        for capture in captures { parameters.append(name: capture.name, value: String(capture.value)) }
        if let catchAll { parameters.append(name: catchAll.name, value: catchAll.value) }
        return parameters
    }
}
