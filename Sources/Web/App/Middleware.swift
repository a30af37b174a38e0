import HTTP

/// One step around the handlers: it may answer by itself, or call `next` and adjust what comes back.
/// The application lists its middleware in one array, in the order a request passes through them.
protocol Middleware<Context>: Sendable {
    associatedtype Context: Sendable
    func handle(
        _ request: HTTPRequest, context: Context, next: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse
}

/// Middleware in order, the first outermost.
struct MiddlewareChain<Context: Sendable>: Sendable {
    let middleware: [any Middleware<Context>]

    init(_ middleware: [any Middleware<Context>]) {
        self.middleware = middleware
    }

    func run(
        _ request: HTTPRequest, context: Context, endpoint: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        try step(0, request, context, endpoint)
    }

    private func step(
        _ index: Int, _ request: HTTPRequest, _ context: Context, _ endpoint: (HTTPRequest, Context) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        guard index < middleware.count else { return try endpoint(request, context) }
        return try middleware[index].handle(request, context: context) { request, context in
            try step(index + 1, request, context, endpoint)
        }
    }
}
