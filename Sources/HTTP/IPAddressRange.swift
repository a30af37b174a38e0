#if canImport(Glibc)
    import Glibc
#endif

/// One address or CIDR block (`127.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`), as trusted-proxy lists are written.
public struct IPAddressRange: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6, already masked to the prefix.
    private let network: [UInt8]
    private let prefixLength: Int

    public init?(_ text: String) {
        let trimmed = IPAddressRange.trimmed(text)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let bytes = IPAddressRange.bytes(of: String(parts[0])) else { return nil }
        let maximum = bytes.count * 8
        var length = maximum
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), parts[1].count <= 3,
                let parsed = Int(parts[1]), parsed <= maximum
            else { return nil }
            length = parsed
        }
        self.prefixLength = length
        self.network = IPAddressRange.masked(bytes, to: length)
    }

    /// True when `address` (an IP literal, IPv4-mapped IPv6 included) lies inside the range.
    public func contains(_ address: String) -> Bool {
        guard var bytes = IPAddressRange.bytes(of: address) else { return false }
        if network.count == 4, bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF,
            bytes[11] == 0xFF
        {
            bytes = Array(bytes[12...])
        }
        guard bytes.count == network.count else { return false }
        return IPAddressRange.masked(bytes, to: prefixLength) == network
    }

    public var description: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        network.withUnsafeBufferPointer { pointer in
            _ = inet_ntop(network.count == 4 ? AF_INET : AF_INET6, pointer.baseAddress, &text, socklen_t(text.count))
        }
        return "\(Socket.string(fromNulTerminated: text))/\(prefixLength)"
    }

    /// True when the text is an IPv4 or IPv6 literal.
    static func isAddress(_ text: String) -> Bool {
        bytes(of: text) != nil
    }

    private static func bytes(of text: String) -> [UInt8]? {
        var literal = trimmed(text)
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        if let zone = literal.firstIndex(of: "%") { literal = String(literal[..<zone]) }
        guard !literal.isEmpty, literal.utf8.count <= 64 else { return nil }
        if literal.contains(":") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, literal, &address) == 1 else { return nil }
            return withUnsafeBytes(of: &address) { Array($0) }
        }
        var address = in_addr()
        guard inet_pton(AF_INET, literal, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    private static func masked(_ bytes: [UInt8], to length: Int) -> [UInt8] {
        var result = bytes
        for index in result.indices {
            let bitsInByte = max(0, min(8, length - index * 8))
            result[index] &= bitsInByte == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bitsInByte))
        }
        return result
    }
}

extension IPAddressRange {
    fileprivate static func trimmed(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        if start == 0, end == bytes.count { return text }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
