/// A JSON object whose values are all strings, with its keys sorted: what the webhook stores as a
/// delivery's headers and answers to the gateway. Written directly (RFC 8259 §7 escaping) because
/// `JSONSerialization` boxes every key and value as `Any`, and that alone was a sixth of the
/// webhook's CPU time in a profile.
struct StringJSONObject: Sendable {
    var fields: [String: String]

    init(_ fields: [String: String]) {
        self.fields = fields
    }

    var text: String {
        var output = "{"
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { output += "," }
            Self.append(key, to: &output)
            output += ":"
            Self.append(fields[key]!, to: &output)
        }
        return output + "}"
    }

    var bytes: [UInt8] { Array(text.utf8) }

    private static func append(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
