/// A failure with an HTTP meaning. Handlers throw it; one place in the application turns it into a page.
public struct HTTPError: Error, Sendable, Equatable {
    public var status: HTTPStatus
    /// A short, user-safe explanation (never a stack trace or SQL).
    public var message: String?
    /// Extra response headers such as `Retry-After` or `Allow`.
    public var headers: [String: String]

    public init(_ status: HTTPStatus, _ message: String? = nil, headers: [String: String] = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }
}
