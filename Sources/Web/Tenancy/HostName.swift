/// A request host, normalised the way tenant resolution needs it (docs/ARCHITECTURE.md §3):
/// lower-case, port removed, one trailing dot removed, a leading `www.` removed.
public struct HostName: Sendable, Hashable {
    public let name: String
    public let port: Int?
    public let isIPAddress: Bool

    /// Returns nil for anything that is not a syntactically valid host (→ 400).
    ///
    /// Read as bytes, not characters: every request's host passes here, and grapheme-by-grapheme search
    /// (`lastIndex(of:)`, `last`) showed in the profile of a refused flood. No separator byte (`[`, `:`, `.`)
    /// can be part of a multi-byte character, and a host with any byte outside ASCII is refused.
    public static func normalise(_ raw: String, stripWWW: Bool = true) -> HostName? {
        let bytes = raw.utf8
        guard !bytes.isEmpty, bytes.count <= 300 else { return nil }
        if bytes.first == UInt8(ascii: "[") { return bracketed(bytes) }

        var end = bytes.endIndex
        var port: Int?
        if let colon = bytes.lastIndex(of: UInt8(ascii: ":")) {
            guard let parsed = parsePort(bytes[bytes.index(after: colon)...]) else { return nil }
            port = parsed
            end = colon
        }
        if end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: ".") { end = bytes.index(before: end) }
        // ASCII only: Unicode lower-casing folds the Kelvin sign U+212A into "k", which would let a
        // non-ASCII Host header pass `isValidDomain` and name an ASCII tenant.
        let kept = bytes[bytes.startIndex..<end]
        var name = String(unsafeUninitializedCapacity: kept.count) { buffer in
            for (offset, byte) in kept.enumerated() { buffer[offset] = byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
            return kept.count
        }
        guard isValidDomain(name) else { return nil }
        // Every leading `www.`, not just one, so that normalising a normalised name changes nothing.
        var isIPv4 = isIPv4Literal(name)
        while stripWWW, !isIPv4, name.utf8.starts(with: "www.".utf8), name.utf8.count > 4 {
            name.removeFirst(4)
            isIPv4 = isIPv4Literal(name)
        }
        return HostName(name: name, port: port, isIPAddress: isIPv4)
    }

    /// An IPv6 literal, `[::1]` or `[::1]:8080`, its address lower-cased.
    private static func bracketed(_ bytes: String.UTF8View) -> HostName? {
        guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
        let literal = bytes[bytes.index(after: bytes.startIndex)..<close]
        // 45 bytes is the longest textual IPv6 address (INET6_ADDRSTRLEN - 1); every one has a colon.
        guard literal.count <= 45, literal.contains(UInt8(ascii: ":")),
            literal.allSatisfy({ isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
        else { return nil }
        var port: Int?
        let rest = bytes[bytes.index(after: close)...]
        if !rest.isEmpty {
            guard rest.first == UInt8(ascii: ":"), let parsed = parsePort(rest.dropFirst()) else { return nil }
            port = parsed
        }
        let address = String(decoding: literal.map { $0 >= 65 && $0 <= 70 ? $0 | 0x20 : $0 }, as: UTF8.self)
        return HostName(name: "[" + address + "]", port: port, isIPAddress: true)
    }

    /// Labels of letters, digits and inner hyphens, 1–63 bytes each, 253 in all.
    static func isValidDomain(_ name: String) -> Bool {
        let bytes = name.utf8
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

    private static func parsePort(_ digits: Substring.UTF8View) -> Int? {
        guard !digits.isEmpty, digits.count <= 5 else { return nil }
        var port = 0
        for digit in digits {
            guard digit >= 48, digit <= 57 else { return nil }
            port = port * 10 + Int(digit - 48)
        }
        return port <= 65535 ? port : nil
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 97 && byte <= 102) || (byte >= 65 && byte <= 70)
    }
}
