/// One row of a result. Columns are found by name and decoded into Swift values.
public struct PostgresRow: Sendable {
    let layout: ColumnLayout
    let values: ArraySlice<String?>

    public var columns: [String] { layout.names }

    /// The column's value; throws when it is NULL, missing, or not a `T`.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(PostgresError) -> T {
        guard let text = try text(column) else {
            throw PostgresError(.decoding, "column '\(column)' is NULL; decode it as \(T.self)? to allow that")
        }
        return try decodeValue(text, column: column)
    }

    /// The column's value, or `nil` when it is NULL.
    ///
    /// A missing column or a value that is not a `T` is a programming error, not data:
    /// it stops a debug build (and tests) at once, and reads as `nil` in release.
    public func decode<T: PostgresDecodable>(_ column: String, as type: T?.Type) -> T? {
        do {
            guard let text = try text(column) else { return nil }
            return try decodeValue(text, column: column) as T
        } catch {
            assertionFailure(error.description)
            return nil
        }
    }

    /// The raw text of a column (`nil` for NULL), for values no Swift type here describes.
    public func text(_ column: String) throws(PostgresError) -> String? {
        guard let position = layout.position(of: column) else {
            throw PostgresError(.decoding, "result has no column named '\(column)' (columns: \(columns.joined(separator: ", ")))")
        }
        return values[values.startIndex + position]
    }

    private func decodeValue<T: PostgresDecodable>(_ text: String, column: String) throws(PostgresError) -> T {
        do {
            return try T(postgresText: text)
        } catch {
            throw PostgresError(.decoding, "column '\(column)': \(error.message)")
        }
    }
}
