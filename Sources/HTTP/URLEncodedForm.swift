/// Bounds on an `application/x-www-form-urlencoded` body or query, so a hostile client cannot make
/// the server build a huge array of fields. Going over a bound is a 413.
public struct FormLimits: Sendable, Equatable {
    public var maxFields: Int
    /// The most bytes one decoded name or value may have.
    public var maxValueBytes: Int
    /// The most bytes of encoded input.
    public var maxTotalBytes: Int

    public init(maxFields: Int = 200, maxValueBytes: Int = 64 * 1024, maxTotalBytes: Int = 1024 * 1024) {
        self.maxFields = maxFields
        self.maxValueBytes = maxValueBytes
        self.maxTotalBytes = maxTotalBytes
    }

    public static let `default` = FormLimits()
}

/// The fields of an `application/x-www-form-urlencoded` body or a query string, in order.
///
/// Parsing is strict: a bad percent-escape, invalid UTF-8 or NUL in any name or value is a 400,
/// never a silently altered value.
public struct URLEncodedForm: Sendable {
    public private(set) var fields: [(name: String, value: String)]

    public init(body: [UInt8], limits: FormLimits = .default) throws(HTTPError) {
        fields = try Self.parse(body[...], limits: limits)
    }

    public init(query: String, limits: FormLimits = .default) throws(HTTPError) {
        fields = try Self.parse(Array(query.utf8)[...], limits: limits)
    }

    public init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// The first value of the field, or `nil` when absent.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of the field, in order (checkboxes and multi-selects repeat names).
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name == name }
    }

    public var isEmpty: Bool { fields.isEmpty }

    private static func parse(_ input: ArraySlice<UInt8>, limits: FormLimits) throws(HTTPError) -> [(String, String)] {
        guard input.count <= limits.maxTotalBytes else { throw HTTPError(.contentTooLarge, "form too large") }
        var fields: [(String, String)] = []
        var rest = input
        // Pair by pair, so 10,000 pairs cost at most `maxFields` decodes before the 413.
        while !rest.isEmpty {
            let separator = rest.firstIndex(of: UInt8(ascii: "&")) ?? rest.endIndex
            let pair = rest[..<separator]
            rest = separator == rest.endIndex ? rest[separator...] : rest[(separator + 1)...]
            if pair.isEmpty { continue }
            guard fields.count < limits.maxFields else { throw HTTPError(.contentTooLarge, "too many form fields") }
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let rawValue = equals == pair.endIndex ? pair[equals...] : pair[pair.index(after: equals)...]
            let name = try decode(pair[..<equals], limits: limits)
            let value = try decode(rawValue, limits: limits)
            fields.append((name, value))
        }
        return fields
    }

    private static func decode(_ raw: ArraySlice<UInt8>, limits: FormLimits) throws(HTTPError) -> String {
        let text: String
        do {
            text = try PercentDecoding.decode(raw, mode: .formComponent)
        } catch {
            throw HTTPError(.badRequest, "bad form field: \(error.message)")
        }
        guard text.utf8.count <= limits.maxValueBytes else { throw HTTPError(.contentTooLarge, "form field too long") }
        return text
    }
}
