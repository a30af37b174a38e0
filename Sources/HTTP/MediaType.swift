/// A parsed `Content-Type` value: `type/subtype` plus parameters such as `charset` or `boundary`.
public struct MediaType: Sendable, Equatable {
    /// Lower-cased.
    public let type: String
    /// Lower-cased.
    public let subtype: String
    /// Names lower-cased, values as sent (quoted strings unquoted), in order.
    public let parameters: [(name: String, value: String)]

    /// Parses `value` per RFC 9110 §8.3.1; `nil` when the `type/subtype` part is malformed.
    /// Malformed parameters after a valid type are skipped rather than failing the whole value.
    public init?(parsing value: String) {
        var scanner = value.utf8[...]
        guard let type = Self.token(&scanner), scanner.popFirst() == UInt8(ascii: "/"),
            let subtype = Self.token(&scanner)
        else { return nil }
        Self.skipWhitespace(&scanner)
        guard scanner.isEmpty || scanner.first == UInt8(ascii: ";") else { return nil }
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = Self.parameters(&scanner)
    }

    /// Parses `*( OWS ";" OWS name "=" ( token / quoted-string ) )`, as `Content-Type` and
    /// `Content-Disposition` share it. Names are lower-cased; malformed parameters are skipped.
    static func parameters(_ scanner: inout Substring.UTF8View) -> [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = []
        while true {
            Self.skipWhitespace(&scanner)
            guard scanner.popFirst() == UInt8(ascii: ";") else { break }
            Self.skipWhitespace(&scanner)
            guard let name = Self.token(&scanner), scanner.first == UInt8(ascii: "=") else {
                scanner = scanner.drop { $0 != UInt8(ascii: ";") }
                continue
            }
            scanner.removeFirst()
            let parsed = scanner.first == UInt8(ascii: "\"") ? Self.quotedString(&scanner) : Self.token(&scanner)
            if let parsed {
                parameters.append((name.lowercased(), parsed))
            } else {
                scanner = scanner.drop { $0 != UInt8(ascii: ";") }
            }
        }
        return parameters
    }

    /// `type/subtype` without parameters.
    public var essence: String { "\(type)/\(subtype)" }

    /// The first parameter of that (case-insensitive) name.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// True when the type and subtype equal `essence` (case-insensitive), whatever the parameters.
    public func matches(_ essence: String) -> Bool {
        self.essence.equalsIgnoringASCIICase(essence)
    }

    public static func == (lhs: MediaType, rhs: MediaType) -> Bool {
        lhs.type == rhs.type && lhs.subtype == rhs.subtype
            && lhs.parameters.elementsEqual(rhs.parameters) { $0.name == $1.name && $0.value == $1.value }
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    static func token(_ scanner: inout Substring.UTF8View) -> String? {
        let token = scanner.prefix(while: isTokenByte)
        guard !token.isEmpty else { return nil }
        scanner = scanner[token.endIndex...]
        return String(Substring(token))
    }

    private static func quotedString(_ scanner: inout Substring.UTF8View) -> String? {
        scanner.removeFirst()
        var bytes: [UInt8] = []
        while let byte = scanner.popFirst() {
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = scanner.popFirst(), escaped != 0, escaped != 13, escaped != 10 else { return nil }
                bytes.append(escaped)
            case 0, 10, 13:
                return nil
            default:
                bytes.append(byte)
            }
        }
        return nil
    }

    private static func skipWhitespace(_ scanner: inout Substring.UTF8View) {
        while let byte = scanner.first, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
            scanner.removeFirst()
        }
    }
}
