import Foundation

/// One response as read off the wire: from a socket by `TestHTTPClient`, or from the bytes an
/// in-process server would have written.
public struct TestHTTPResponse: Sendable {
    public let status: Int
    public let reason: String
    public let headers: TestHTTPHeaders
    public let body: [UInt8]

    /// The body decoded as UTF-8 (invalid bytes become U+FFFD).
    public var text: String { String(decoding: body, as: UTF8.self) }

    init(head: Head, body: [UInt8]) {
        status = head.status
        reason = head.reason
        headers = head.headers
        self.body = body
    }

    /// One whole response, head and body, framed by `Content-Length` as from a socket; bytes missing or
    /// left over throw.
    public init(wire: [UInt8], bodyless: Bool = false) throws {
        guard let end = wire.firstRange(of: [13, 10, 13, 10]) else { throw TestSupportError("the response head has no end") }
        let head = try Head(String(decoding: wire[..<end.lowerBound], as: UTF8.self))
        let length = try head.bodyLength(bodyless: bodyless)
        guard wire.count - end.upperBound == length else {
            throw TestSupportError("\(length) body bytes announced, \(wire.count - end.upperBound) written")
        }
        self.init(head: head, body: Array(wire[end.upperBound...]))
    }

    /// The status line and header fields, up to the empty line.
    struct Head {
        let status: Int
        let reason: String
        let headers: TestHTTPHeaders

        init(_ text: String) throws {
            var lines = text.components(separatedBy: "\r\n")
            let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2).map(String.init)
            guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else {
                throw TestSupportError("malformed status line in \(text)")
            }
            var fields: [(name: String, value: String)] = []
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { throw TestSupportError("malformed header line \(line)") }
                fields.append(
                    (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            self.status = status
            reason = statusLine.count > 2 ? statusLine[2] : ""
            headers = TestHTTPHeaders(fields: fields)
        }

        /// How many body bytes follow: none after HEAD (`bodyless`), 1xx, 204 and 304.
        func bodyLength(bodyless: Bool) throws -> Int {
            guard !bodyless, status >= 200, status != 204, status != 304, let value = headers["Content-Length"] else {
                return 0
            }
            guard let length = Int(value) else { throw TestSupportError("malformed Content-Length \(value)") }
            return length
        }
    }
}

/// Header fields in arrival order, looked up without regard to case.
public struct TestHTTPHeaders: Sendable, Sequence {
    public let fields: [(name: String, value: String)]

    public subscript(name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }
}

/// Why a test helper gave up; the description is what the test report shows.
public struct TestSupportError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
