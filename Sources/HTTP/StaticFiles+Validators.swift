extension StaticFiles {
    /// A strong validator: the size and a 64-bit FNV-1a checksum of the content. It is the same
    /// in every process and after restarts for the same bytes, so caches stay warm across deploys.
    /// (A validator, not a security measure; nothing here needs collision resistance.)
    static func entityTag(for body: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in body {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "\"\(String(body.count, radix: 16))-\(String(hash, radix: 16))\""
    }

    /// Names carrying a content hash (`app.3f9a2b1c.css`, `logo-3f9a2b1c.svg`) never change, so
    /// they may be cached for a year; everything else for an hour.
    static func cacheControl(for relativePath: String) -> String {
        isFingerprinted(relativePath) ? "public, max-age=31536000, immutable" : "public, max-age=3600"
    }

    static func isFingerprinted(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last ?? ""
        let stem = name.split(separator: ".").dropLast()
        let pieces = stem.flatMap { $0.split(separator: "-") }.dropFirst()
        return pieces.contains { piece in
            piece.utf8.count >= 8
                && piece.utf8.allSatisfy { byte in
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                }
        }
    }
}
