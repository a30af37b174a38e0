/// Why a percent-encoded component was refused.
public enum PercentDecodingError: Error, Sendable, Equatable {
    /// A `%` not followed by two hexadecimal digits.
    case badEscape
    /// The decoded bytes are not valid UTF-8.
    case invalidUTF8
    /// The decoded text contains NUL, which no layer below us should ever see.
    case containsNUL
}

/// Strict percent-decoding for path segments and `application/x-www-form-urlencoded` components.
///
/// Strict means: a malformed escape is an error rather than literal text, because lenient decoders
/// are how `%%32%65` style double-decoding tricks get past path checks.
public enum PercentDecoding {
    public enum Mode: Sendable {
        /// A path segment: `+` is an ordinary character.
        case pathSegment
        /// A form name or value: `+` means space.
        case formComponent
    }

    /// Decodes `bytes`, throwing on bad escapes, invalid UTF-8 or NUL.
    public static func decode(
        _ bytes: some Collection<UInt8>, mode: Mode
    ) throws(PercentDecodingError) -> String {
        let plusIsSpace = mode == .formComponent
        let needsWork = bytes.contains { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }
        if !needsWork {
            return try validated(bytes)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            bytes.formIndex(after: &index)
            switch byte {
            case UInt8(ascii: "%"):
                guard index != bytes.endIndex, let high = bytes[index].asciiHexDigitValue else { throw .badEscape }
                bytes.formIndex(after: &index)
                guard index != bytes.endIndex, let low = bytes[index].asciiHexDigitValue else { throw .badEscape }
                bytes.formIndex(after: &index)
                decoded.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                decoded.append(UInt8(ascii: " "))
            default:
                decoded.append(byte)
            }
        }
        return try validated(decoded)
    }

    /// Decodes a path segment, or `nil` when it is malformed.
    public static func decodePathSegment(_ segment: Substring) -> String? {
        try? decode(segment.utf8, mode: .pathSegment)
    }

    /// Decodes a form name or value, or `nil` when it is malformed.
    public static func decodeFormComponent(_ component: Substring) -> String? {
        try? decode(component.utf8, mode: .formComponent)
    }

    private static func validated(_ bytes: some Collection<UInt8>) throws(PercentDecodingError) -> String {
        if bytes.contains(0) { throw .containsNUL }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }
}

extension PercentDecodingError {
    /// A user-safe sentence for a 400 page.
    public var message: String {
        switch self {
        case .badEscape: "malformed percent-escape"
        case .invalidUTF8: "text is not valid UTF-8"
        case .containsNUL: "text contains a NUL character"
        }
    }
}
