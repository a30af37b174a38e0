/// A request host, normalised the way tenant resolution needs it (docs/ARCHITECTURE.md §3):
/// lower-case, port removed, one trailing dot removed, a leading `www.` removed.
public struct HostName: Sendable, Hashable {
    public let name: String
    public let port: Int?
    public let isIPAddress: Bool

    /// Returns nil for anything that is not a syntactically valid host (→ 400).
    public static func normalise(_ raw: String, stripWWW: Bool = true) -> HostName? {
        var text = Substring(raw)
        guard !text.isEmpty, text.utf8.count <= 300 else { return nil }
        var port: Int?

        if text.first == "[" {
            // IPv6 literal: [::1] or [::1]:8080
            guard let close = text.firstIndex(of: "]") else { return nil }
            let literal = text[text.index(after: text.startIndex)..<close]
            // 45 bytes is the longest textual IPv6 address (INET6_ADDRSTRLEN - 1); every one has a colon.
            guard literal.utf8.count <= 45, literal.contains(":"),
                literal.utf8.allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
            else { return nil }
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":", let parsed = parsePort(rest.dropFirst()) else { return nil }
                port = parsed
            }
            return HostName(name: "[" + literal.lowercased() + "]", port: port, isIPAddress: true)
        }

        if let colon = text.lastIndex(of: ":") {
            guard let parsed = parsePort(text[text.index(after: colon)...]) else { return nil }
            port = parsed
            text = text[..<colon]
        }
        if text.last == "." { text = text.dropLast() }
        // ASCII only: Unicode lower-casing folds the Kelvin sign U+212A into "k", which would let a
        // non-ASCII Host header pass `isValidDomain` and name an ASCII tenant.
        var name = String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
        guard isValidDomain(name) else { return nil }
        // Every leading `www.`, not just one, so that normalising a normalised name changes nothing.
        while stripWWW, !isIPv4Literal(name), name.hasPrefix("www."), name.utf8.count > 4 { name.removeFirst(4) }
        return HostName(name: name, port: port, isIPAddress: isIPv4Literal(name))
    }

    /// Labels of letters, digits and inner hyphens, 1–63 bytes each, 253 in all.
    static func isValidDomain(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var labelLength = 0
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labelLength = 0
            } else {
                let allowed = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-")
                guard allowed, labelLength < 63 else { return false }
                if labelLength == 0, byte == UInt8(ascii: "-") { return false }
                labelLength += 1
            }
            previous = byte
        }
        return labelLength > 0 && previous != UInt8(ascii: "-")
    }

    /// Four dot-separated decimal numbers of 1–3 digits, each at most 255. One pass over the bytes: it
    /// runs on every request, and splitting the host into strings showed in the home page's profile.
    static func isIPv4Literal(_ name: String) -> Bool {
        var dots = 0
        var digits = 0
        var value = 0
        for byte in name.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, dots < 3 else { return false }
                dots += 1
                (digits, value) = (0, 0)
            } else if byte >= 48, byte <= 57 {
                digits += 1
                value = value * 10 + Int(byte - 48)
                guard digits <= 3, value <= 255 else { return false }
            } else {
                return false
            }
        }
        return dots == 3 && digits > 0
    }

    private static func parsePort(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let port = Int(text),
            port <= 65535
        else { return nil }
        return port
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 102) || (byte >= 65 && byte <= 70)
    }
}
