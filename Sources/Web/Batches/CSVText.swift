/// Comma-separated values as spreadsheets read them (RFC 4180, CRLF line ends), made safe to open:
/// a cell a spreadsheet would take for a formula (starting with = + - @, or a tab or carriage return)
/// is prefixed with an apostrophe, so a reseller name such as `=HYPERLINK(…)` stays text.
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
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
