import CLibPQ
import Glibc

/// One libpq connection, used by one thread at a time (the pool hands it out exclusively).
///
/// SQL text is a `StaticString`, so a value can never be interpolated into a statement:
/// values travel only as `$n` parameters.
public final class PostgresConnection {
    let handle: OpaquePointer
    /// Whether statements are prepared once and then run by name (`PostgresConfiguration.preparesStatements`).
    let preparesStatements: Bool
    /// The name each SQL text was prepared under on this session.
    var preparedStatementNames: [String: String] = [:]
    var preparedStatementCount = 0
    /// Each statement's result columns, read once: a statement returns the same columns on every call.
    /// Keyed by the prepared name (short, cheap to hash), or by the SQL text when nothing is prepared;
    /// bounded by the program's statements, and forgotten with the names.
    var columnLayouts: [String: ColumnLayout] = [:]
    /// Set when the server refused one of this session's prepared statements as stale; they are
    /// all dropped (`deallocate all`) before the connection is lent again.
    var hasStalePreparedStatements = false
    /// What waits to go out with the next statement: a transaction's BEGIN and settings until its
    /// body sends its first statement, then whatever the body `enqueue`d.
    var pendingStatements: [PipelinedStatement] = []
    /// How many of `pendingStatements` are the unsent BEGIN and settings (0 once they are sent).
    var pendingStartCount = 0

    public init(configuration: PostgresConfiguration) throws(PostgresError) {
        let parameters = configuration.connectionParameters
        let handle = CStringArray.withPointers(to: parameters.map(\.0) + [nil]) { keywords in
            CStringArray.withPointers(to: parameters.map(\.1) + [nil]) { values in
                PQconnectdbParams(keywords, values, 0)
            }
        }
        guard let handle else { throw PostgresError(.connection, "libpq could not allocate a connection") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines
            PQfinish(handle)
            throw PostgresError(.connection, message)
        }
        // Notices ("table exists, skipping") would otherwise go to stderr.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        self.handle = handle
        self.preparesStatements = configuration.preparesStatements
    }

    deinit { PQfinish(handle) }

    /// Whether the socket is still believed to be open; it turns false only after an
    /// operation has noticed the loss.
    public var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    /// The server process serving this connection (for `pg_terminate_backend`, logs).
    public var backendProcessID: Int32 { PQbackendPID(handle) }

    /// Runs one statement with `$1…$n` parameters in text format; `nil` is SQL NULL.
    @discardableResult
    public func query(_ sql: StaticString, _ parameters: (any PostgresEncodable)?...) throws(PostgresError)
        -> PostgresRows
    {
        try query(sql, parameters: parameters)
    }

    @discardableResult
    public func query(_ sql: StaticString, parameters: [(any PostgresEncodable)?]) throws(PostgresError)
        -> PostgresRows
    {
        try execute(sql.description, parameters: parameters.map { $0?.postgresText ?? nil })
    }

    /// Runs a script of one or more statements with no parameters. Only for trusted text
    /// such as migration files: never pass anything built from input.
    public func executeRawSQLScript(_ script: String) throws(PostgresError) {
        guard !script.utf8.contains(0) else {
            throw PostgresError(.query, "SQL script contains a NUL character")
        }
        try flushPending()
        try check(PQexec(handle, script))
    }

    /// Sends `NOTIFY channel, payload` (the channel is data here, not an identifier).
    public func notify(channel: String, payload: String) throws(PostgresError) {
        try query("select pg_notify($1, $2)", channel, payload)
    }

    func execute(_ sql: String, parameters: [String?]) throws(PostgresError) -> PostgresRows {
        if let position = parameters.firstIndex(where: { $0?.utf8.contains(0) == true }) {
            // PostgreSQL text cannot hold NUL; refusing beats silently truncating at it.
            throw PostgresError(.query, "parameter $\(position + 1) contains a NUL character")
        }
        if let rows = try executeAfterPending(.query(sql, parameters)) { return rows }
        guard preparesStatements else {
            let result = CStringArray.withPointers(to: [sql] + parameters) { strings in
                strings.dropFirst().withUnsafeBufferPointer { values in
                    PQexecParams(handle, strings[0], Int32(values.count), nil, values.baseAddress, nil, nil, 0)
                }
            }
            return try check(result, layoutKey: sql)
        }
        let name = try preparedName(for: sql, parameterCount: parameters.count)
        let result = CStringArray.withPointers(to: [name] + parameters) { strings in
            strings.dropFirst().withUnsafeBufferPointer { values in
                PQexecPrepared(handle, strings[0], Int32(values.count), values.baseAddress, nil, nil, 0)
            }
        }
        return try check(result, layoutKey: name)
    }

    /// Transaction control (`begin`, `commit`, `rollback`): nothing to plan, so never prepared.
    func executeCommand(_ sql: StaticString) throws(PostgresError) {
        if try executeAfterPending(.command(sql)) != nil { return }
        try check(PQexec(handle, sql.description))
    }

    @discardableResult
    func check(_ pointer: OpaquePointer?, layoutKey: String? = nil) throws(PostgresError) -> PostgresRows {
        guard let pointer else {
            // No result at all: the statement could not be sent.
            var error = PostgresError(.connection, String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
            error.failedBeforeSending = true
            throw error
        }
        let result = PostgresResult(pointer)
        guard result.succeeded else { throw failure(of: result) }
        return rows(copying: result.pointer, layoutKey: layoutKey)
    }

    /// The result's rows, with the column layout its statement had last time when its columns are the same.
    func rows(copying result: OpaquePointer, layoutKey key: String?) -> PostgresRows {
        let known = key.flatMap { columnLayouts[$0] }
        let rows = PostgresRows(copying: result, reusing: known)
        if let key, rows.layout !== known { columnLayouts[key] = rows.layout }
        return rows
    }

    /// The result's error; a prepared statement the server can no longer run makes the session
    /// forget every name it prepared, so each statement is prepared afresh on its next use.
    func failure(of result: PostgresResult) -> PostgresError {
        let error = result.error(connectionLost: !isOpen)
        if error.isStalePreparedStatement {
            preparedStatementNames.removeAll()
            columnLayouts.removeAll()
            hasStalePreparedStatements = true
        }
        return error
    }

    /// True when the idle connection can be lent out again: open, outside any transaction,
    /// and with nothing waiting on the socket. An idle session has no reason to receive
    /// anything; what does arrive is almost always the FATAL message and end-of-file of a
    /// backend ended by `pg_terminate_backend`, an idle timeout or a restart, and the end-of-
    /// file may trail the message. So any input at all retires the connection, and the loss
    /// is found before a statement is sent rather than after.
    func isReusable() -> Bool {
        guard isOpen, PQtransactionStatus(handle) == PQTRANS_IDLE else { return false }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        var ready: Int32
        repeat {
            ready = poll(&descriptor, 1, 0)
        } while ready < 0 && errno == EINTR
        return ready == 0
    }
}
