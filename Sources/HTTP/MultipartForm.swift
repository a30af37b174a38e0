/// Bounds on a `multipart/form-data` body. Going over a size bound is a 413.
public struct MultipartLimits: Sendable, Equatable {
    public var maxParts: Int
    /// The most bytes one part's body may have (a logo upload, say).
    public var maxPartBytes: Int
    /// The most bytes of the whole body.
    public var maxTotalBytes: Int
    /// The most bytes of one part's header block.
    public var maxHeaderBytes: Int

    public init(
        maxParts: Int = 50, maxPartBytes: Int = 2 * 1024 * 1024, maxTotalBytes: Int = 3 * 1024 * 1024,
        maxHeaderBytes: Int = 8 * 1024
    ) {
        self.maxParts = maxParts
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxHeaderBytes = maxHeaderBytes
    }

    public static let `default` = MultipartLimits()
}

/// A parsed RFC 7578 `multipart/form-data` body: text fields and uploaded files, in order.
public struct MultipartForm: Sendable {
    public struct Part: Sendable {
        /// The `name` of `Content-Disposition: form-data`.
        public var name: String
        /// The `filename` exactly as the browser sent it (present, possibly empty, for file inputs).
        /// Never use it as a path on disk.
        public var filename: String?
        /// The part's `Content-Type`, when sent.
        public var contentType: String?
        public var body: [UInt8]

        public init(name: String, filename: String? = nil, contentType: String? = nil, body: [UInt8]) {
            self.name = name
            self.filename = filename
            self.contentType = contentType
            self.body = body
        }

        /// True for parts that came from a file input.
        public var isFile: Bool { filename != nil }

        /// The body as text; for fields (not files) it is always valid UTF-8, checked when parsing.
        public var text: String? { String(validating: body, as: UTF8.self) }
    }

    public let parts: [Part]

    /// Parses `body` with the boundary from `contentType` (the request's `Content-Type` value).
    ///
    /// - Throws: 415 when `contentType` is not `multipart/form-data`, 400 when there is no usable
    ///   boundary or the body is malformed, 413 when a limit is exceeded.
    public init(body: [UInt8], contentType: String, limits: MultipartLimits = .default) throws(HTTPError) {
        guard let mediaType = MediaType(parsing: contentType), mediaType.matches("multipart/form-data") else {
            throw HTTPError(.unsupportedMediaType, "expected multipart/form-data")
        }
        guard let boundary = mediaType.parameter("boundary"), Self.isValidBoundary(boundary) else {
            throw HTTPError(.badRequest, "multipart body without a valid boundary")
        }
        guard body.count <= limits.maxTotalBytes else { throw HTTPError(.contentTooLarge, "form too large") }
        var parser = Parser(body: body, boundary: boundary, limits: limits)
        parts = try parser.parse()
    }

    public init(parts: [Part]) {
        self.parts = parts
    }

    /// The first text field (not file) of that name.
    public subscript(name: String) -> String? {
        parts.first { $0.name == name && !$0.isFile }?.text
    }

    /// Every text field of that name, in order.
    public func values(_ name: String) -> [String] {
        parts.filter { $0.name == name && !$0.isFile }.compactMap(\.text)
    }

    /// The first part of that name, text or file.
    public func part(named name: String) -> Part? {
        parts.first { $0.name == name }
    }

    public var files: [Part] { parts.filter(\.isFile) }

    /// RFC 2046 §5.1.1: 1–70 characters from a restricted set, not ending in a space.
    static func isValidBoundary(_ boundary: String) -> Bool {
        let bytes = boundary.utf8
        guard (1...70).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                Array("'()+_,-./:=? ".utf8).contains(byte)
            }
        }
    }
}

extension HTTPRequest {
    /// The body as `multipart/form-data`; 415 when the request is not multipart.
    public func multipartForm(limits: MultipartLimits = .default) throws(HTTPError) -> MultipartForm {
        guard let contentType = headers["Content-Type"] else {
            throw HTTPError(.unsupportedMediaType, "expected multipart/form-data")
        }
        return try MultipartForm(body: body, contentType: contentType, limits: limits)
    }
}
