/// The request line and header fields of one request, checked against RFC 9112 framing rules.
struct HTTPRequestHead: Sendable {
    var method: HTTPMethod
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders
    /// Body length from `Content-Length`; 0 when absent.
    var contentLength: Int
    /// Whether the connection may carry another request after this one.
    var keepAlive: Bool
    /// `Expect: 100-continue` on an HTTP/1.1 request.
    var expectsContinue: Bool

    /// The target without its query, still percent-encoded.
    var path: String {
        guard let question = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return target }
        return String(target[..<question])
    }
}

/// Why a request head was refused: the status the server answers with before closing.
struct HTTPRequestHeadError: Error, Sendable, Equatable {
    var status: HTTPStatus
    var message: String

    init(_ status: HTTPStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}

extension HTTPRequestHead {
    /// Applies the message-level rules that need the whole header block: Host, framing, connection options.
    ///
    /// A chunked request body is refused with 411 (the client may retry with `Content-Length`);
    /// any other transfer coding gets 501.
    static func validated(
        method: HTTPMethod, target: String, version: HTTPVersion, headers: HTTPHeaders
    ) throws(HTTPRequestHeadError) -> HTTPRequestHead {
        let hosts = headers.values("Host")
        if hosts.count > 1 { throw HTTPRequestHeadError(.badRequest, "more than one Host header") }
        if version == .http1_1, hosts.isEmpty { throw HTTPRequestHeadError(.badRequest, "missing Host header") }
        if let host = hosts.first, host.utf8.contains(where: { $0 == 32 || $0 == 9 || $0 == 47 || $0 == 64 }) {
            throw HTTPRequestHeadError(.badRequest, "malformed Host header")
        }

        let lengths = headers.values("Content-Length")
        let codings = headers.values("Transfer-Encoding")
        if !codings.isEmpty {
            if !lengths.isEmpty {
                throw HTTPRequestHeadError(.badRequest, "Content-Length together with Transfer-Encoding")
            }
            let last = codings.flatMap { tokens(of: $0) }.last
            if last == "chunked" {
                throw HTTPRequestHeadError(.lengthRequired, "chunked request bodies are not accepted; send Content-Length")
            }
            throw HTTPRequestHeadError(.notImplemented, "unsupported Transfer-Encoding")
        }
        let contentLength = try parsedContentLength(lengths)

        let options = headers.values("Connection").flatMap { tokens(of: $0) }
        let keepAlive: Bool
        if options.contains("close") {
            keepAlive = false
        } else {
            keepAlive = version == .http1_1 || options.contains("keep-alive")
        }

        var expectsContinue = false
        let expectations = headers.values("Expect").flatMap { tokens(of: $0) }
        if !expectations.isEmpty {
            guard expectations.allSatisfy({ $0 == "100-continue" }) else {
                throw HTTPRequestHeadError(.expectationFailed, "only 100-continue is supported")
            }
            expectsContinue = version == .http1_1
        }

        return HTTPRequestHead(
            method: method, target: target, version: version, headers: headers, contentLength: contentLength,
            keepAlive: keepAlive, expectsContinue: expectsContinue)
    }

    /// Repeated or list-valued lengths are accepted only when every value is the same number.
    private static func parsedContentLength(_ fields: [String]) throws(HTTPRequestHeadError) -> Int {
        var length: Int?
        for field in fields {
            for part in field.split(separator: ",", omittingEmptySubsequences: false) {
                var digits = Array(part.utf8)[...]
                while let first = digits.first, first == 32 || first == 9 { digits = digits.dropFirst() }
                while let last = digits.last, last == 32 || last == 9 { digits = digits.dropLast() }
                // 15 digits is far above any body limit and far below Int overflow.
                guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                    throw HTTPRequestHeadError(.badRequest, "malformed Content-Length")
                }
                let value = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
                if let length, length != value {
                    throw HTTPRequestHeadError(.badRequest, "conflicting Content-Length values")
                }
                length = value
            }
        }
        return length ?? 0
    }

    /// Comma-separated, lower-cased tokens of a list-valued field.
    private static func tokens(of value: String) -> [String] {
        value.split(separator: ",").map { token in
            let bytes = token.utf8.filter { $0 != 32 && $0 != 9 }.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
