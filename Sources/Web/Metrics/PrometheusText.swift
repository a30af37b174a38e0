/// Writes the Prometheus text exposition format (version 0.0.4): `# HELP`, `# TYPE`, then one
/// `name{label="value",…} number` line per sample, into one buffer.
struct PrometheusText {
    private(set) var text = ""

    init() {
        text.reserveCapacity(16 * 1024)
    }

    enum Kind: String {
        case counter, gauge, histogram
    }

    mutating func family(_ name: String, _ kind: Kind, help: String) {
        text += "# HELP \(name) \(Self.escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
    }

    mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: UInt64) {
        line(name, labels, String(value))
    }

    mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: Int) {
        line(name, labels, String(value))
    }

    mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: Double) {
        line(name, labels, Self.number(value))
    }

    private mutating func line(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: String) {
        text += name
        if !labels.isEmpty {
            text += "{"
            for (index, label) in labels.enumerated() {
                if index > 0 { text += "," }
                text += label.key
                text += "=\""
                Self.appendEscapedLabelValue(label.value, to: &text)
                text += "\""
            }
            text += "}"
        }
        text += " "
        text += value
        text += "\n"
    }

    /// Go's float syntax: Swift's shortest round-trip form is accepted, infinities are spelled out.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        return String(value)
    }

    /// Label values escape backslash, double quote and line feed; nothing else is special.
    static func appendEscapedLabelValue(_ value: String, to text: inout String) {
        for character in value.unicodeScalars {
            switch character {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            default: text.unicodeScalars.append(character)
            }
        }
    }

    /// Help text escapes backslash and line feed.
    static func escapeHelp(_ help: String) -> String {
        var escaped = ""
        for character in help.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
