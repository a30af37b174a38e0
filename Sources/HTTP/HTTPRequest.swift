/// One parsed request, as handlers see it. The server fills every field; handlers never see sockets.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as sent (`/orders/EV1?t=abc`).
    public var target: String
    /// The path part of the target, still percent-encoded, always starting with `/`.
    public var path: String
    /// The query part of the target without `?`, still percent-encoded; empty when absent.
    public var query: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// A short id for the access log and error pages; taken from a trusted proxy's `X-Request-Id` when present.
    public var id: String
    /// The address of the socket peer.
    public var peerAddress: String
    /// The client's address: from `X-Forwarded-For` when the peer is a trusted proxy, else the peer.
    public var clientAddress: String
    /// True when a trusted proxy says the client used HTTPS (`X-Forwarded-Proto: https`).
    public var isSecure: Bool
    /// `X-Forwarded-Host` from a trusted proxy, else the `Host` header, exactly as sent (port included).
    public var host: String?

    public init(
        method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [], id: String = "-", peerAddress: String = "127.0.0.1", clientAddress: String? = nil,
        isSecure: Bool = false, host: String? = nil
    ) {
        self.method = method
        self.target = target
        // By bytes: a `Character` search costs a grapheme break check per character, on every request.
        if let q = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            self.path = String(target[..<q])
            self.query = String(target[target.utf8.index(after: q)...])
        } else {
            self.path = target
            self.query = ""
        }
        self.version = version
        self.headers = headers
        self.body = body
        self.id = id
        self.peerAddress = peerAddress
        self.clientAddress = clientAddress ?? peerAddress
        self.isSecure = isSecure
        self.host = host ?? headers["Host"]
    }
}

extension HTTPRequest {
    /// The request's cookies by name (first value wins); malformed pairs are ignored.
    public var cookies: [String: String] {
        Cookie.parse(headers.values("Cookie"))
    }

    /// One cookie's value (the first sent), as read for the session cookie.
    public func cookie(_ name: String) -> String? {
        cookies[name]
    }
}

extension HTTPRequest {
    /// Whether the client's `If-None-Match` already holds `entityTag`, so a 304 will do.
    /// Weak comparison (RFC 9110 §13.1.2): `W/` is ignored on either side; `*` matches any.
    public func ifNoneMatch(_ entityTag: String) -> Bool {
        guard let condition = headers["If-None-Match"] else { return false }
        let opaque = entityTag.hasPrefix("W/") ? entityTag.dropFirst(2) : entityTag[...]
        for candidate in condition.split(separator: ",") {
            let trimmed = candidate.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            let text = String(trimmed)
            if text == "*" { return true }
            if (text.hasPrefix("W/") ? text.dropFirst(2) : text[...]) == opaque { return true }
        }
        return false
    }
}
