import Foundation

/// A Swift value that can be read from a column's text-format output.
public protocol PostgresDecodable {
    init(postgresText: String) throws(PostgresError)
}

extension PostgresError {
    static func undecodable(_ text: String, as type: Any.Type) -> PostgresError {
        // The value itself may be secret, so only its length is reported.
        PostgresError(.decoding, "cannot decode a \(text.utf8.count)-byte value as \(type)")
    }
}

extension String: PostgresDecodable {
    public init(postgresText: String) { self = postgresText }
}

extension Int64: PostgresDecodable {
    /// Also accepts `numeric` output with an all-zero fraction (`12.00`).
    public init(postgresText: String) throws(PostgresError) {
        var digits = Substring(postgresText)
        if let dot = digits.firstIndex(of: "."), digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            digits = digits[..<dot]
        }
        guard let value = Int64(digits) else { throw .undecodable(postgresText, as: Int64.self) }
        self = value
    }
}

extension Int: PostgresDecodable {
    public init(postgresText: String) throws(PostgresError) {
        self = Int(try Int64(postgresText: postgresText))
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText: String) throws(PostgresError) {
        guard let value = Int32(exactly: try Int64(postgresText: postgresText)) else {
            throw .undecodable(postgresText, as: Int32.self)
        }
        self = value
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText: String) throws(PostgresError) {
        switch postgresText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw .undecodable(postgresText, as: Bool.self)
        }
    }
}

extension Double: PostgresDecodable {
    /// Reads `float8`, `float4` and `numeric` output, including `NaN` and `±Infinity`.
    public init(postgresText: String) throws(PostgresError) {
        guard let value = Double(postgresText) else { throw .undecodable(postgresText, as: Double.self) }
        self = value
    }
}

extension UUID: PostgresDecodable {
    public init(postgresText: String) throws(PostgresError) {
        guard let value = UUID(postgresUUIDText: postgresText) else { throw .undecodable(postgresText, as: UUID.self) }
        self = value
    }
}

extension Date: PostgresDecodable {
    /// Reads `timestamptz`, `timestamp` (taken as UTC) and `date` output in ISO style.
    public init(postgresText: String) throws(PostgresError) {
        guard let value = PostgresTimestamp.parse(postgresText) else {
            throw .undecodable(postgresText, as: Date.self)
        }
        self = value
    }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    public init(postgresText: String) throws(PostgresError) {
        self = try Element.decodePostgresArray(postgresText)
    }
}
