public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Written into the access-log line (the tenant's slug, say); the server does not interpret it.
    public var logTag: String?

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], logTag: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.logTag = logTag
    }

    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(plainText)
        return HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    public static func html(_ bytes: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(htmlText)
        return HTTPResponse(status: status, headers: headers, body: bytes)
    }

    // Made once: every page (and every refusal) starts from one of these.
    private static let plainText = HTTPHeaders.Field("Content-Type", "text/plain; charset=utf-8")
    private static let htmlText = HTTPHeaders.Field("Content-Type", "text/html; charset=utf-8")

    /// A redirect to a path the application built itself (never to a URL taken from the request).
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Location", location)
        return HTTPResponse(status: status, headers: headers)
    }
}

/// What the server calls for every complete request, on a worker thread (it may block on the database).
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// The answer when it can be given at once from memory, on the event loop's thread; nil sends the
    /// request to a worker thread, where `respond(to:)` may block. Must never block: every other
    /// connection of the loop waits while it runs.
    func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse?
}

extension HTTPResponder {
    public func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse? { nil }
}
