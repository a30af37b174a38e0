import CLibPQ

extension PostgresConnection {
    /// One statement inside its own transaction with `settings` made transaction-local first
    /// (`set_config(name, value, true)`), sent as one batch in libpq's pipeline mode: BEGIN, the
    /// settings, the statement and COMMIT cost one network round trip instead of one each.
    ///
    /// The server skips what follows a failed statement; the failure is thrown, and a transaction
    /// it left open is rolled back, so the connection goes back to the pool clean.
    func executeInTransaction(
        settings: [(name: String, value: String)], _ sql: String, parameters: [String?]
    ) throws(PostgresError) -> PostgresRows {
        var statements: [(sql: String, parameters: [String?])] = [("begin", [])]
        statements += settings.map { ("select set_config($1, $2, true)", [$0.name, $0.value]) }
        statements.append((sql, parameters))
        statements.append(("commit", []))
        let results: [PostgresRows]
        do {
            results = try executePipelined(statements)
        } catch {
            rollbackIfPossible()
            throw error
        }
        return results[statements.count - 2]
    }

    /// Sends every statement, then one sync, then reads each statement's result in order.
    private func executePipelined(_ statements: [(sql: String, parameters: [String?])]) throws(PostgresError)
        -> [PostgresRows]
    {
        for (index, statement) in statements.enumerated() {
            if let position = statement.parameters.firstIndex(where: { $0?.utf8.contains(0) == true }) {
                throw PostgresError(.query, "statement \(index + 1): parameter $\(position + 1) contains a NUL character")
            }
        }
        guard PQenterPipelineMode(handle) == 1 else {
            throw PostgresError(.connection, String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
        }
        defer { PQexitPipelineMode(handle) }
        for (index, statement) in statements.enumerated() {
            let sent = CStringArray.withPointers(to: [statement.sql] + statement.parameters) { strings in
                strings.dropFirst().withUnsafeBufferPointer { values in
                    PQsendQueryParams(handle, strings[0], Int32(values.count), nil, values.baseAddress, nil, nil, 0)
                }
            }
            guard sent == 1 else {
                var error = PostgresError(.connection, String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
                // Nothing reached the server unless an earlier statement of this batch was queued.
                error.failedBeforeSending = index == 0
                throw error
            }
        }
        guard PQpipelineSync(handle) == 1 else {
            throw PostgresError(.connection, String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
        }
        var rows: [PostgresRows] = []
        var firstError: PostgresError?
        for _ in statements {
            guard let pointer = PQgetResult(handle) else {
                throw PostgresError(.connection, String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
            }
            let result = PostgresResult(pointer)
            if result.succeeded {
                rows.append(PostgresRows(copying: result.pointer))
            } else if firstError == nil {
                // The first failure is the cause; the statements after it only report being skipped.
                firstError = result.error(connectionLost: !isOpen)
            }
            // Each statement's results end with a null.
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        // The sync's own marker; after it the connection is idle again (or in a failed transaction).
        if let sync = PQgetResult(handle) { PQclear(sync) }
        if let firstError { throw firstError }
        return rows
    }
}
