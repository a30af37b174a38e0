/// Comma-separated values as spreadsheets read them (RFC 4180, CRLF line ends), made safe to open:
/// a cell a spreadsheet would take for a formula (starting with = + - @, or a tab or carriage return)
/// is prefixed with an apostrophe, so a reseller name such as `=HYPERLINK(…)` stays text. A whole number
/// (`-10000`, a refund in a ledger) is no formula and stays a number.
enum CSVText {
    static func document(_ rows: [[String]]) -> String {
        rows.map(line).joined()
    }

    /// One record with its line end.
    static func line(_ row: [String]) -> String {
        row.map(cell).joined(separator: ",") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isWholeNumber(text) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `-` and one or more ASCII digits, nothing else.
    private static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.utf8.dropFirst(text.hasPrefix("-") ? 1 : 0)
        return !digits.isEmpty && digits.allSatisfy { (0x30...0x39).contains($0) }
    }
}
