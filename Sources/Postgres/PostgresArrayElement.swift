import Foundation

/// An element type whose Swift arrays map to a PostgreSQL value: `[UInt8]` to `bytea`,
/// everything else to a one-dimensional array literal (so `= any($1)` works).
///
/// Swift allows only one conditional conformance of `Array` to a protocol, so the element
/// type decides how its arrays are written and read.
public protocol PostgresArrayElement {
    static func postgresText(forArray array: [Self]) -> String
    static func decodePostgresArray(_ text: String) throws(PostgresError) -> [Self]
}

extension PostgresArrayElement where Self: PostgresEncodable & PostgresDecodable {
    public static func postgresText(forArray array: [Self]) -> String {
        PostgresArrayLiteral.format(array.map { $0.postgresText })
    }

    public static func decodePostgresArray(_ text: String) throws(PostgresError) -> [Self] {
        var values: [Self] = []
        for element in try PostgresArrayLiteral.parse(text) {
            guard let element else {
                throw PostgresError(.decoding, "array of \(Self.self) contains NULL; decode it as optional values")
            }
            values.append(try Self(postgresText: element))
        }
        return values
    }
}

extension String: PostgresArrayElement {}
extension Int: PostgresArrayElement {}
extension Int64: PostgresArrayElement {}
extension Int32: PostgresArrayElement {}
extension Bool: PostgresArrayElement {}
extension Double: PostgresArrayElement {}
extension UUID: PostgresArrayElement {}

extension UInt8: PostgresArrayElement {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `bytea` in hex format: `\x` followed by two lower-case digits per byte.
    public static func postgresText(forArray bytes: [UInt8]) -> String {
        var text = [UInt8]()
        text.reserveCapacity(2 + bytes.count * 2)
        text.append(UInt8(ascii: "\\"))
        text.append(UInt8(ascii: "x"))
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads `bytea` hex output (the server's default `bytea_output`).
    public static func decodePostgresArray(_ text: String) throws(PostgresError) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 2, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x"), utf8.count % 2 == 0 else {
            throw PostgresError(.decoding, "bytea value is not in hex format (set bytea_output = 'hex')")
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count / 2 - 1)
        var index = 2
        while index < utf8.count {
            guard let high = utf8[index].asciiHexDigitValue, let low = utf8[index + 1].asciiHexDigitValue else {
                throw PostgresError(.decoding, "bytea value contains a character that is not a hex digit")
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}
