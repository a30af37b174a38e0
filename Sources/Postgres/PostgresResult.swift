import CLibPQ

/// Owns one `PGresult` so that `PQclear` runs on every path, including thrown errors.
final class PostgresResult {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { PQclear(pointer) }

    var succeeded: Bool {
        switch PQresultStatus(pointer) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: true
        default: false
        }
    }

    /// The server's error, with its SQLSTATE and fields. It is a lost connection when libpq saw the
    /// socket close, or when the server said it is ending the session (class 57P: terminated by an
    /// administrator, shutdown, idle timeout), which a pipeline may read before the socket's end.
    func error(connectionLost: Bool) -> PostgresError {
        let message = field("M") ?? String(cString: PQresultErrorMessage(pointer)).trimmingTrailingNewlines
        let sqlState = field("C")
        let sessionEnded = connectionLost || sqlState?.hasPrefix("57P") == true
        var error = PostgresError(sessionEnded ? .connection : .query, message, sqlState: sqlState)
        error.detail = field("D")
        error.hint = field("H")
        error.constraint = field("n")
        error.table = field("t")
        return error
    }

    private func field(_ code: Unicode.Scalar) -> String? {
        PQresultErrorField(pointer, Int32(code.value)).map { String(cString: $0) }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
