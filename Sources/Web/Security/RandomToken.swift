/// Secrets and codes from the system's random source (`SystemRandomNumberGenerator`).
public enum RandomToken {
    /// `bytes` random bytes as lower-case hex; 32 bytes (256 bits) by default, never fewer than 16.
    public static func hex(bytes: Int = 32) -> String {
        precondition(bytes >= 16, "tokens carry at least 128 bits")
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes * 2)
        for _ in 0..<bytes {
            let byte = UInt8.random(in: 0...255, using: &generator)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Letters and digits a person can read off a screen and type without confusing them:
    /// no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
    public static let unambiguousAlphabet = Array("34679ACDEFGHJKMNPQRTUVWXY")

    /// A code of `length` characters drawn uniformly from `alphabet`.
    public static func code(length: Int, alphabet: [Character] = unambiguousAlphabet) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
