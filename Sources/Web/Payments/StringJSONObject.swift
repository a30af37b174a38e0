/// A JSON object whose values are all strings, with its keys sorted: what the webhook stores as a
/// delivery's headers and answers to the gateway. Written directly (RFC 8259 §7 escaping) because
/// `JSONSerialization` boxes every key and value as `Any`, and that alone was a sixth of the
/// webhook's CPU time in a profile.
struct StringJSONObject: Sendable {
    var fields: [String: String]

    init(_ fields: [String: String]) {
        self.fields = fields
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Escaped byte by byte: every byte of a multi-byte UTF-8 sequence is 0x80 or above, so only ASCII
    /// bytes can need an escape and the rest are copied as they are.
    var bytes: [UInt8] {
        var output: [UInt8] = [UInt8(ascii: "{")]
        output.reserveCapacity(fields.reduce(2) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 })
        for (index, field) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            Self.append(field.key, to: &output)
            output.append(UInt8(ascii: ":"))
            Self.append(field.value, to: &output)
        }
        output.append(UInt8(ascii: "}"))
        return output
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func append(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0f)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
