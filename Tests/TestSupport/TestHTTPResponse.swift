/// One response as read off the wire by `TestHTTPClient`.
public struct TestHTTPResponse: Sendable {
    public let status: Int
    public let reason: String
    public let headers: TestHTTPHeaders
    public let body: [UInt8]

    /// The body decoded as UTF-8 (invalid bytes become U+FFFD).
    public var text: String { String(decoding: body, as: UTF8.self) }
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
