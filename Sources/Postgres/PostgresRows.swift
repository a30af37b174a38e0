import CLibPQ
import Glibc

/// The rows of one statement's result, copied out of libpq's memory so they outlive it
/// and can cross threads.
public struct PostgresRows: RandomAccessCollection, Sendable {
    let layout: ColumnLayout
    let values: [String?]
    /// Rows inserted, updated, deleted or selected, as the command tag reports them.
    public let affectedRows: Int

    public var columns: [String] { layout.names }
    public var startIndex: Int { 0 }
    public var endIndex: Int { layout.names.isEmpty ? 0 : values.count / layout.names.count }

    public subscript(position: Int) -> PostgresRow {
        let width = layout.names.count
        return PostgresRow(layout: layout, values: values[position * width..<(position + 1) * width])
    }

    /// The first row of a statement that always returns one (`insert … returning`, `count(*)`): an
    /// error rather than a trap should it ever return none.
    public func single() throws(PostgresError) -> PostgresRow {
        guard let row = first else { throw PostgresError(.decoding, "the statement returned no row") }
        return row
    }

    init(copying result: OpaquePointer, reusing known: ColumnLayout? = nil) {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let layout =
            if let known, known.matches(result, columnCount: columnCount) { known } else {
                ColumnLayout(names: (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) })
            }
        var values: [String?] = []
        values.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                // PQgetvalue returns "" for NULL, so NULL must be asked about first.
                if PQgetisnull(result, row, column) == 1 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let bytes = UnsafeRawPointer(PQgetvalue(result, row, column)!).assumingMemoryBound(to: UInt8.self)
                    values.append(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
                }
            }
        }
        self.layout = layout
        self.values = values
        self.affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }
}

/// Column names and their positions, shared by every row of a result.
final class ColumnLayout: Sendable {
    let names: [String]
    private let positions: [String: Int]

    init(names: [String]) {
        self.names = names
        // With duplicate names (`select 1 as a, 2 as a`) the first column wins.
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name] == nil {
            positions[name] = position
        }
        self.positions = positions
    }

    func position(of column: String) -> Int? { positions[column] }

    /// Whether `result` has exactly these columns, compared in place (no string is made).
    func matches(_ result: OpaquePointer, columnCount: Int) -> Bool {
        guard names.count == columnCount else { return false }
        for (index, name) in names.enumerated() {
            guard let field = PQfname(result, Int32(index)) else { return false }
            let length = strlen(field)
            let matched = field.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                name.utf8.elementsEqual(UnsafeBufferPointer(start: bytes, count: length))
            }
            guard matched else { return false }
        }
        return true
    }
}
