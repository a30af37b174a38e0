/// An ordered list of header fields with case-insensitive lookup.
///
/// Values are sanitised on the way in: CR, LF and NUL become spaces, so no value built from
/// user data can split a response header.
public struct HTTPHeaders: Sendable, Sequence {
    public struct Field: Sendable, Equatable {
        public let name: String
        public let value: String

        /// A field sanitised once, for one that many responses carry (`set(_:)` takes it as it is).
        public init(_ name: String, _ value: String) {
            self.init(name: HTTPHeaders.sanitised(name), value: HTTPHeaders.sanitised(value))
        }

        init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field] = []

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { add(name, value) }
    }

    public var count: Int { fields.count }

    /// The first value of the field, if present.
    public subscript(name: String) -> String? {
        fields.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.equalsIgnoringASCIICase(name) }
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: Self.sanitised(name), value: Self.sanitised(value)))
    }

    /// Appends a field sanitised when it was made, for a response that cannot have one of its name yet.
    public mutating func add(_ field: Field) {
        fields.append(field)
    }

    /// Replaces every field of that name with one field.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    /// Replaces every field of `field`'s name with it, sanitised when it was made.
    public mutating func set(_ field: Field) {
        remove(field.name)
        fields.append(field)
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.equalsIgnoringASCIICase(name) }
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    fileprivate static func sanitised(_ text: String) -> String {
        // Every header of every response passes here: over the contiguous bytes when the string has them
        // (a native string always does), which the profile showed costs a fraction of the generic scan.
        let isClean =
            text.utf8.withContiguousStorageIfAvailable { bytes in !bytes.contains { $0 == 13 || $0 == 10 || $0 == 0 } }
            ?? !text.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
        guard !isClean else { return text }
        return String(decoding: text.utf8.map { $0 == 13 || $0 == 10 || $0 == 0 ? 32 : $0 }, as: UTF8.self)
    }
}

extension String {
    /// ASCII case-insensitive comparison, as header names and host names need.
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        let a = utf8
        let b = other.utf8
        guard a.count == b.count else { return false }
        let contiguous = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in
                for index in x.indices where !Self.equalIgnoringASCIICase(x[index], y[index]) { return false }
                return true
            }
        }
        if let contiguous, let result = contiguous { return result }
        return zip(a, b).allSatisfy(Self.equalIgnoringASCIICase)
    }

    private static func equalIgnoringASCIICase(_ x: UInt8, _ y: UInt8) -> Bool {
        x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 97 && (x | 0x20) <= 122)
    }
}
