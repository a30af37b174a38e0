/// The one growing byte buffer a whole page renders into.
///
/// Every piece of markup is appended here, so rendering a page allocates one array rather than a string
/// per element. Text is escaped on the way in, in a single pass over its UTF-8 bytes; only `StaticString`
/// literals and `RawHTML` are copied unescaped.
public struct HTMLBuffer: Sendable {
    public private(set) var bytes: [UInt8]

    public init(reservingCapacity capacity: Int = 16_384) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Markup written by this module's own code (tag names, punctuation, literal attribute names).
    mutating func appendLiteral(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Bytes that are already markup: only `RawHTML` calls this.
    mutating func appendTrusted(_ markup: String) {
        var markup = markup
        markup.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func appendDecimal(_ number: Int) {
        // Digits and a minus sign never need escaping; this avoids a String per number.
        if number == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(magnitude % 10))
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    /// Text content: escapes `& < >`.
    public mutating func appendEscapedText(_ text: String) {
        appendEscaped(text, quoting: false)
    }

    /// The inside of a double-quoted attribute value: escapes `& < > " '`.
    public mutating func appendEscapedAttributeValue(_ value: String) {
        appendEscaped(value, quoting: true)
    }

    private mutating func appendEscaped(_ text: String, quoting: Bool) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            var index = 0
            let count = source.count
            while index < count {
                let byte = source[index]
                let replacement: StaticString
                var width = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quoting: replacement = "&quot;"
                case UInt8(ascii: "'") where quoting: replacement = "&#39;"
                case 0x09, 0x0A, 0x0C, 0x0D:
                    index += 1
                    continue
                case 0x00...0x1F, 0x7F:
                    // NUL and other C0 controls are parse errors in HTML; show that something was there.
                    replacement = "\u{FFFD}"
                case 0xC2 where index + 1 < count && (0x80...0x9F).contains(source[index + 1]):
                    // C1 controls (U+0080–U+009F) are two bytes, C2 80…C2 9F.
                    replacement = "\u{FFFD}"
                    width = 2
                default:
                    index += 1
                    continue
                }
                if runStart < index {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                index += width
                runStart = index
            }
            if runStart < count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count]))
            }
        }
    }
}
