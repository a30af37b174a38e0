/// RFC 6265 rules shared by request-cookie parsing and `SetCookie`.
public enum Cookie {
    /// Parses `Cookie:` header values into a dictionary. The first value of a repeated name wins,
    /// because browsers send the most specific (longest path) cookie first.
    ///
    /// Tolerant on purpose: a malformed pair is skipped, not the whole header, since one bad
    /// cookie set by some other site on a shared parent domain must not log a user out.
    public static func parse(_ headerValues: [String]) -> [String: String] {
        var cookies: [String: String] = [:]
        for header in headerValues {
            for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
                let trimmed = pair.trimmingWhitespace()
                guard let equals = trimmed.firstIndex(of: UInt8(ascii: "=")) else { continue }
                let name = trimmed[..<equals].trimmingWhitespace()
                var value = trimmed[trimmed.index(after: equals)...].trimmingWhitespace()
                if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
                    value = value.dropFirst().dropLast()
                }
                guard !name.isEmpty, name.allSatisfy(isTokenByte), !value.contains(where: isControl) else { continue }
                let key = String(Substring(name))
                if cookies[key] == nil { cookies[key] = String(Substring(value)) }
            }
        }
        return cookies
    }

    /// A cookie name must be an RFC 9110 token.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isTokenByte)
    }

    /// RFC 6265 `cookie-octet`s only: no space, DQUOTE, comma, semicolon, backslash or controls, so
    /// a value can never add attributes or split a header.
    public static func isValidValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { byte in
            byte == 0x21 || (0x23...0x2B).contains(byte) || (0x2D...0x3A).contains(byte)
                || (0x3C...0x5B).contains(byte) || (0x5D...0x7E).contains(byte)
        }
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        MediaType.isTokenByte(byte)
    }

    static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F
    }
}

extension Substring.UTF8View {
    fileprivate func trimmingWhitespace() -> Substring.UTF8View {
        let isWhitespace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = firstIndex(where: { !isWhitespace($0) }) else { return self[endIndex...] }
        var end = endIndex
        while end > first, isWhitespace(self[index(before: end)]) { end = index(before: end) }
        return self[first..<end]
    }
}
