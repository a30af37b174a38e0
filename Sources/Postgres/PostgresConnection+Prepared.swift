import CLibPQ

extension PostgresConnection {
    /// The name `sql` is prepared under on this session, preparing it first if it is new.
    ///
    /// An unnamed statement (`PQexecParams`) is parsed and planned again on every call, which
    /// was two thirds of the database's time on an order; a named one is parsed once per session
    /// and its plan cached by the server. Every statement is a `StaticString`, so the set of
    /// texts, and with it this cache, is bounded by the program.
    func preparedName(for sql: String, parameterCount: Int) throws(PostgresError) -> String {
        if let name = preparedStatementNames[sql] { return name }
        let name = newStatementName()
        try check(PQprepare(handle, name, sql, Int32(parameterCount), nil))
        preparedStatementNames[sql] = name
        return name
    }

    /// Drops the server's side of the names forgotten after a stale statement (outside a transaction).
    func deallocateStalePreparedStatements() {
        guard hasStalePreparedStatements, isOpen, !isInTransaction else { return }
        guard (try? executeCommand("deallocate all")) != nil else { return }
        preparedStatementNames.removeAll()
        columnLayouts.removeAll()
        hasStalePreparedStatements = false
    }

    func newStatementName() -> String {
        preparedStatementCount += 1
        return "gerbang_\(preparedStatementCount)"
    }
}

extension PostgresError {
    /// The server refuses a prepared statement whose result columns changed under it (a migration
    /// altered a table it reads with `*`). Nothing ran, so the statement may be sent again: the
    /// session has forgotten its names by then and prepares it afresh.
    var isStalePreparedStatement: Bool {
        sqlState == "0A000" && message.hasPrefix("cached plan must not change result type")
    }
}
