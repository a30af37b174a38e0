import CLibPQ

extension PostgresConnection {
    /// One statement inside its own transaction with `settings` made transaction-local first
    /// (`set_config(name, value, true)`), sent as one batch in libpq's pipeline mode: the settings and
    /// the statement cost one network round trip instead of one each.
    ///
    /// No BEGIN or COMMIT: everything before a pipeline's sync is one implicit transaction, which the
    /// sync commits, or rolls back after a failure (the server skips what follows the failed
    /// statement). Two statements fewer for the server to parse and run on every scoped query.
    func executeInTransaction(
        settings: [(name: String, value: String)], _ sql: String, parameters: [String?]
    ) throws(PostgresError) -> PostgresRows {
        var statements = Self.settingStatements(settings)
        statements.append(.query(sql, parameters))
        let results: [PostgresRows]
        do {
            results = try executePipelined(statements)
        } catch {
            rollbackIfPossible()
            throw error
        }
        guard let rows = results.last else { throw PostgresError(.query, "the statement returned no result") }
        return rows
    }

    /// Sends every statement, then one sync, then reads each statement's result in order.
    func executePipelined(_ statements: [PipelinedStatement]) throws(PostgresError) -> [PostgresRows] {
        for (index, statement) in statements.enumerated() {
            if let position = statement.parameters.firstIndex(where: { $0?.utf8.contains(0) == true }) {
                throw PostgresError(.query, "statement \(index + 1): parameter $\(position + 1) contains a NUL character")
            }
        }
        guard PQenterPipelineMode(handle) == 1 else {
            throw PostgresError(.connection, String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
        }
        defer { PQexitPipelineMode(handle) }
        let messages = try send(statements)
        guard PQpipelineSync(handle) == 1 else {
            throw PostgresError(.connection, String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
        }
        var rows: [PostgresRows] = []
        var firstError: PostgresError?
        for message in messages {
            guard let pointer = PQgetResult(handle) else {
                throw PostgresError(.connection, String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
            }
            let result = PostgresResult(pointer)
            if !result.succeeded {
                // The first failure is the cause; the statements after it only report being skipped.
                if firstError == nil { firstError = failure(of: result) }
            } else if case .prepare(let sql, let name) = message {
                // Remembered only once the server has it (a statement is not undone by a rollback).
                preparedStatementNames[sql] = name
            } else if case .statement(let layoutKey) = message {
                rows.append(self.rows(copying: result.pointer, layoutKey: layoutKey))
            }
            // Each message's results end with a null.
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        // The sync's own marker; after it the connection is idle again (or in a failed transaction).
        if let sync = PQgetResult(handle) { PQclear(sync) }
        if let firstError { throw firstError }
        return rows
    }

    /// Queues each statement, preceded by its preparation when this session has not seen its text;
    /// returns what was queued, in the order its results will come back.
    private func send(_ statements: [PipelinedStatement]) throws(PostgresError) -> [SentMessage] {
        var sent: [SentMessage] = []
        var namesInThisBatch: [String: String] = [:]
        for statement in statements {
            let accepted: Int32
            switch statement {
            case .command(let sql):
                accepted = PQsendQueryParams(handle, sql.description, 0, nil, nil, nil, nil, 0)
                if accepted == 1 { sent.append(.statement(layoutKey: nil)) }
            case .unnamedQuery(let sql, let parameters),
                .query(let sql, let parameters) where !preparesStatements:
                accepted = CStringArray.withPointers(to: [sql] + parameters) { strings in
                    strings.dropFirst().withUnsafeBufferPointer { values in
                        PQsendQueryParams(handle, strings[0], Int32(values.count), nil, values.baseAddress, nil, nil, 0)
                    }
                }
                if accepted == 1 { sent.append(.statement(layoutKey: sql)) }
            case .query(let sql, let parameters):
                var name = preparedStatementNames[sql] ?? namesInThisBatch[sql]
                if name == nil {
                    let newName = newStatementName()
                    guard PQsendPrepare(handle, newName, sql, Int32(parameters.count), nil) == 1 else {
                        throw sendFailure(nothingQueued: sent.isEmpty)
                    }
                    sent.append(.prepare(sql: sql, name: newName))
                    namesInThisBatch[sql] = newName
                    name = newName
                }
                accepted = CStringArray.withPointers(to: [name] + parameters) { strings in
                    strings.dropFirst().withUnsafeBufferPointer { values in
                        PQsendQueryPrepared(handle, strings[0], Int32(values.count), values.baseAddress, nil, nil, 0)
                    }
                }
                if accepted == 1 { sent.append(.statement(layoutKey: name)) }
            }
            guard accepted == 1 else { throw sendFailure(nothingQueued: sent.isEmpty) }
        }
        return sent
    }

    private func sendFailure(nothingQueued: Bool) -> PostgresError {
        var error = PostgresError(.connection, String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
        // Nothing reached the server unless something of this batch was already queued.
        error.failedBeforeSending = nothingQueued
        return error
    }
}

/// One statement of a pipelined batch.
enum PipelinedStatement {
    /// Transaction control: nothing to plan, never prepared.
    case command(StaticString)
    case query(String, [String?])
    /// Never prepared: parsed and planned for its parameters on every call.
    case unnamedQuery(String, [String?])

    var parameters: [String?] {
        switch self {
        case .command: []
        case .query(_, let parameters), .unnamedQuery(_, let parameters): parameters
        }
    }
}

/// What was queued in a pipeline, so each result read back is matched to its cause.
private enum SentMessage {
    case prepare(sql: String, name: String)
    /// A statement's result, and the key of its column layout (`PostgresConnection.columnLayouts`;
    /// nil for transaction control).
    case statement(layoutKey: String?)
}
