extension Markdown {
    /// Replaces `{{name}}` placeholders in a default content page (`{{tenant_name}}`,
    /// `{{contact_email}}` …) with values escaped for Markdown, so a tenant name such as
    /// `[x](javascript:alert(1))` or `<script>` shows as text instead of becoming a link or markup.
    ///
    /// A name is ASCII letters, digits, `_`, `.` or `-`, optionally padded with spaces inside the braces.
    /// A placeholder with no value becomes empty; text that is not a well-formed placeholder is kept.
    public static func fillPlaceholders(_ template: String, values: [String: String]) -> String {
        fillPlaceholders(template, values: values, escaping: escaped)
    }

    /// The same filling for text that is not Markdown (a WhatsApp message), each value passed through
    /// `escape` (`{ $0 }` for plain text).
    public static func fillPlaceholders(
        _ template: String, values: [String: String], escaping escape: (String) -> String
    ) -> String {
        let source = Array(template.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "{"), let (name, end) = placeholder(in: source, at: index) {
                if let value = values[name] {
                    output.append(contentsOf: escape(value).utf8)
                }
                index = end
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The names of the well-formed placeholders in `template`, in order, repeats included: what an
    /// editor checks against the names it offers.
    public static func placeholderNames(in template: String) -> [String] {
        let source = Array(template.utf8)
        var names: [String] = []
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "{"), let (name, end) = placeholder(in: source, at: index) {
                names.append(name)
                index = end
            } else {
                index += 1
            }
        }
        return names
    }

    /// The placeholder name starting at `start` (which holds `{`) and the index just past its `}}`.
    private static func placeholder(in source: [UInt8], at start: Int) -> (name: String, end: Int)? {
        guard start + 1 < source.count, source[start + 1] == UInt8(ascii: "{") else { return nil }
        var index = start + 2
        while index < source.count, source[index] == UInt8(ascii: " ") { index += 1 }
        let nameStart = index
        while index < source.count, isNameByte(source[index]) { index += 1 }
        let nameEnd = index
        guard nameEnd > nameStart else { return nil }
        while index < source.count, source[index] == UInt8(ascii: " ") { index += 1 }
        guard index + 1 < source.count, source[index] == UInt8(ascii: "}"), source[index + 1] == UInt8(ascii: "}")
        else { return nil }
        return (String(decoding: source[nameStart..<nameEnd], as: UTF8.self), index + 2)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
