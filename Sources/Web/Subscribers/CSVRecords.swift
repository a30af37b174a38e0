/// A CSV file as spreadsheets write it, read back: RFC 4180 quoting, CRLF or LF line ends, a comma or
/// a semicolon between cells (Excel in an Indonesian locale writes `;`, chosen here by which of the two
/// the header line has more of), an optional UTF-8 byte-order mark. The bytes are split before they
/// are decoded, so one record with a bad byte is reported on its own line and the rest still read.
struct CSVRecords: Sendable {
    struct Record: Sendable, Hashable {
        /// The file's line the record starts on; the header is line 1 (a quoted cell may span lines).
        let line: Int
        /// The cells as text; nil when the record is not valid UTF-8.
        let cells: [String]?
        /// A quoted cell still open at the end of the file.
        let isUnterminated: Bool
    }

    /// The first record, nil for an empty file.
    let header: Record?
    /// The records after the header, blank lines left out.
    let records: [Record]
    let separator: UInt8

    init(bytes: [UInt8]) {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        separator = Self.separator(bytes, from: start)
        var all: [Record] = []
        var cells: [[UInt8]] = []
        var cell: [UInt8] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var index = start
        var sawAnything = false
        func endRecord(unterminated: Bool) {
            cells.append(cell)
            cell = []
            defer { cells = [] }
            // A blank line is no record.
            if cells.count == 1, cells[0].isEmpty, !unterminated { return }
            let decoded = cells.map { String(validating: $0, as: UTF8.self) }
            let text: [String]? = decoded.contains(where: { $0 == nil }) ? nil : decoded.compactMap { $0.map(Self.unguarded) }
            all.append(Record(line: recordLine, cells: text, isUnterminated: unterminated))
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            sawAnything = true
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A || (byte == 0x0D && (index >= bytes.count || bytes[index] != 0x0A)) { line += 1 }
                    cell.append(byte)
                }
            } else if byte == UInt8(ascii: "\""), cell.isEmpty {
                inQuotes = true
            } else if byte == separator {
                cells.append(cell)
                cell = []
            } else if byte == 0x0D || byte == 0x0A {
                if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                endRecord(unterminated: false)
                line += 1
                recordLine = line
                sawAnything = false
            } else {
                cell.append(byte)
            }
        }
        if sawAnything || inQuotes { endRecord(unterminated: inQuotes) }
        header = all.first
        records = Array(all.dropFirst())
    }

    /// `;` when the first line has more semicolons than commas outside quotes, else `,`.
    private static func separator(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        for byte in bytes[start...] {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Undoes the apostrophe `CSVText` puts before a cell a spreadsheet would take for a formula, so an
    /// exported file imports as it was.
    static func unguarded(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(second)
        else { return cell }
        return String(scalars.dropFirst())
    }

    /// A header cell as a lookup key: lower case, letters and digits only (`No. HP` → `nohp`,
    /// `local-address` → `localaddress`).
    static func key(_ header: String) -> String {
        String(
            String.UnicodeScalarView(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }
}
