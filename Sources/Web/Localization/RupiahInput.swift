/// A whole rupiah amount as people type it into a form: `2000`, `2.000`, `2 000`, `Rp 2.000`, `Rp2.000,-`,
/// `IDR 2,000`, `2.000,00`. Dots and commas followed by exactly three digits separate thousands; `,-` and
/// a zero fraction mean "whole rupiah". Every price field reads its input through this one parser (a
/// gateway's wire format is `RupiahAmount`'s).
struct RupiahInput: Sendable, Hashable {
    enum Problem: Error, Sendable, Hashable {
        case missing
        /// Letters or symbols that are no part of an amount.
        case characters
        case negative
        /// Sen: rupiah prices are whole.
        case fraction
        /// Outside the field's bounds (zero included when the bounds start at 1).
        case outOfRange
    }

    let value: Int64

    init(parsing input: String, in bounds: ClosedRange<Int64>) throws(Problem) {
        var text = Substring(input.trimmed)
        guard !text.isEmpty else { throw .missing }
        if text.hasPrefix("-") || text.hasPrefix("−") { throw .negative }
        for prefix in ["rp.", "rp", "idr"] where text.lowercased().hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            break
        }
        text = text.drop { $0 == " " }
        if text.hasPrefix("-") { throw .negative }
        // A trailing ",-" or a zero fraction (",00", ".00") says "whole rupiah".
        if text.hasSuffix(",-") || text.hasSuffix(".-") { text = text.dropLast(2) }
        if let last = text.lastIndex(where: { $0 == "," || $0 == "." }) {
            let fraction = text[text.index(after: last)...]
            if fraction.count != 3 || fraction.isEmpty {
                guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else {
                    throw fraction.allSatisfy(\.isASCIIDigit) ? .fraction : .characters
                }
                text = text[..<last]
            }
        }
        var digits = ""
        var group = -1  // digits since the last separator; -1 before any separator
        for character in text {
            switch character {
            case "0"..."9":
                digits.append(character)
                if group >= 0 { group += 1 }
            case ".", ",", " ":
                // A separator must follow a digit and (after the first) close a group of three.
                guard !digits.isEmpty, group == -1 || group == 3 else { throw .fraction }
                group = 0
            default:
                throw .characters
            }
        }
        guard !digits.isEmpty, group == -1 || group == 3 else { throw digits.isEmpty ? .characters : .fraction }
        guard digits.count <= 15, let value = Int64(digits), bounds.contains(value) else { throw .outOfRange }
        self.value = value
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
