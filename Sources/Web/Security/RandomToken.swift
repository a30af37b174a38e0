/// Secrets and codes from the system's random source (`SystemRandomNumberGenerator`).
public enum RandomToken {
    /// `bytes` random bytes as lower-case hex; 32 bytes (256 bits) by default, never fewer than 16.
    public static func hex(bytes: Int = 32) -> String {
        precondition(bytes >= 16, "tokens carry at least 128 bits")
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes * 2)
        for byte in randomBytes(bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Letters and digits a person can read off a screen and type without confusing them:
    /// no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
    public static let unambiguousAlphabet = Array("34679ACDEFGHJKMNPQRTUVWXY")

    /// A code of `length` characters drawn uniformly from `alphabet` (at most 256 characters).
    ///
    /// Each character takes one random byte; bytes at or above the largest multiple of the alphabet's
    /// size are thrown away (rejection sampling), so `byte % count` favours no character.
    public static func code(length: Int, alphabet: [Character] = unambiguousAlphabet) -> String {
        precondition((1...256).contains(alphabet.count), "one byte picks a character")
        let limit = 256 - 256 % alphabet.count
        var result = ""
        result.reserveCapacity(length)
        var count = 0
        while count < length {
            for byte in randomBytes(length - count) where Int(byte) < limit && count < length {
                result.append(alphabet[Int(byte) % alphabet.count])
                count += 1
            }
        }
        return result
    }

    /// `count` bytes from the system's generator, eight per draw: the generator reads the kernel's
    /// random source on every call, and one call per byte made tokens a visible share of an order's CPU.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }
}
