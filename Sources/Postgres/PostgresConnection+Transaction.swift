import CLibPQ

extension PostgresConnection {
    /// Runs `body` between BEGIN and COMMIT, or ROLLBACK when it throws (rethrowing its error).
    ///
    /// `settings` are made transaction-local (`set_config(name, value, true)`), so they never leak to
    /// the connection's next user and work behind pgbouncer in transaction mode. BEGIN and the
    /// settings are not sent on their own: they travel in one pipeline with the body's first
    /// statement, so opening a scoped transaction costs no round trip of its own. Likewise what the
    /// body `enqueue`s travels with its next statement, or with COMMIT.
    ///
    /// If a statement inside failed and `body` swallowed the error, PostgreSQL would turn
    /// COMMIT into a silent ROLLBACK; that case throws instead of pretending success.
    @discardableResult
    public func transaction<T>(settings: [(name: String, value: String)] = [], _ body: (PostgresConnection) throws -> T)
        throws -> T
    {
        pendingStatements = [.command("begin")] + Self.settingStatements(settings)
        pendingStartCount = pendingStatements.count
        let value: T
        do {
            value = try body(self)
        } catch {
            discardPending()
            rollbackIfPossible()
            throw error
        }
        if pendingStartCount > 0 && pendingStatements.count == pendingStartCount {
            // The body sent nothing: there is no transaction to end.
            discardPending()
            return value
        }
        guard PQtransactionStatus(handle) != PQTRANS_INERROR else {
            discardPending()
            rollbackIfPossible()
            throw PostgresError(.query, "transaction was aborted by an earlier failed statement and rolled back")
        }
        do {
            if pendingStartCount > 0 {
                // Nothing was sent yet, only enqueued: the settings and the statements go as one
                // implicit transaction, which the pipeline's sync commits, without BEGIN and COMMIT.
                _ = try executePipelined(Array(takePending().dropFirst()))
                return value
            }
            try executeCommand("commit")
        } catch {
            // An enqueued statement failed: the server skipped the rest of the batch, COMMIT included.
            rollbackIfPossible()
            throw error
        }
        return value
    }

    /// Queues a statement whose result nobody reads, inside a transaction: it is sent in one pipeline
    /// with the transaction's next statement, or with its COMMIT, instead of costing a round trip of
    /// its own. Its failure is thrown there, and fails the transaction like any other.
    public func enqueue(_ sql: StaticString, _ parameters: (any PostgresEncodable)?...) throws(PostgresError) {
        try enqueue(sql, parameters: parameters)
    }

    public func enqueue(_ sql: StaticString, parameters: [(any PostgresEncodable)?]) throws(PostgresError) {
        guard !pendingStatements.isEmpty || isInTransaction else {
            throw PostgresError(.query, "enqueue is only for statements inside a transaction")
        }
        let values = parameters.map { $0?.postgresText ?? nil }
        if let position = values.firstIndex(where: { $0?.utf8.contains(0) == true }) {
            throw PostgresError(.query, "parameter $\(position + 1) contains a NUL character")
        }
        pendingStatements.append(.query(sql.description, values))
    }

    /// Several statements whose results are all read, in one round trip: sent in one pipeline with
    /// what is pending (a deferred BEGIN and its settings, enqueued statements), their results returned
    /// in order. For reads that do not depend on each other, such as a lock and a lookup a later step
    /// needs. The first failure is thrown and the server skips the rest; outside a transaction the
    /// statements run as one implicit transaction.
    public func queries(_ statements: [PostgresStatement]) throws(PostgresError) -> [PostgresRows] {
        guard !statements.isEmpty else { return [] }
        let sent = statements.map { statement in
            statement.isPlannedForItsValues
                ? PipelinedStatement.unnamedQuery(statement.sql.description, statement.parameters)
                : PipelinedStatement.query(statement.sql.description, statement.parameters)
        }
        let rows = try executePipelined(takePending() + sent)
        return Array(rows.suffix(statements.count))
    }

    /// One statement's rows, sent the way `queries` sends several.
    public func query(_ statement: PostgresStatement) throws(PostgresError) -> PostgresRows {
        guard let rows = try queries([statement]).first else {
            throw PostgresError(.query, "the statement returned no result")
        }
        return rows
    }

    /// The statements that make `settings` transaction-local, up to three in one: each statement costs
    /// the server a portal and an executor start of its own, more than the settings themselves.
    static func settingStatements(_ settings: [(name: String, value: String)]) -> [PipelinedStatement] {
        stride(from: 0, to: settings.count, by: setConfig.count).map { start in
            let group = settings[start..<min(start + setConfig.count, settings.count)]
            return .query(setConfig[group.count - 1], group.flatMap { [$0.name, $0.value] })
        }
    }

    /// `set_config(name, value, true)` for one, two and three settings.
    static let setConfig = [
        "select set_config($1, $2, true)",
        "select set_config($1, $2, true), set_config($3, $4, true)",
        "select set_config($1, $2, true), set_config($3, $4, true), set_config($5, $6, true)",
    ]

    /// Sends the pending statements (a deferred BEGIN and its settings, then what was enqueued) ahead
    /// of `statement`, all in one pipeline; nil when nothing is pending and the caller should send the
    /// statement itself.
    func executeAfterPending(_ statement: PipelinedStatement) throws(PostgresError) -> PostgresRows? {
        guard !pendingStatements.isEmpty else { return nil }
        return try executePipelined(takePending() + [statement]).last
    }

    /// Sends the pending statements on their own, before something that cannot join a pipeline.
    func flushPending() throws(PostgresError) {
        guard !pendingStatements.isEmpty else { return }
        _ = try executePipelined(takePending())
    }

    private func takePending() -> [PipelinedStatement] {
        let pending = pendingStatements
        discardPending()
        return pending
    }

    func discardPending() {
        pendingStatements = []
        pendingStartCount = 0
    }

    func rollbackIfPossible() {
        discardPending()
        guard isOpen, PQtransactionStatus(handle) != PQTRANS_IDLE else { return }
        try? executeCommand("rollback")
    }
}

extension PostgresConnection {
    /// Inside BEGIN … COMMIT (or a failed transaction not yet rolled back).
    public var isInTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }
}

/// One statement and its parameters, for `PostgresConnection.queries`.
public struct PostgresStatement: Sendable {
    let sql: StaticString
    let parameters: [String?]
    let isPlannedForItsValues: Bool

    /// - Parameter plannedForItsValues: send it unnamed, so the server plans it for these values on every
    ///   call instead of settling on one plan for the session's prepared statement. For a statement whose
    ///   best plan depends on how many rows a value reaches, such as one tenant's share of a table: after
    ///   a few calls PostgreSQL may keep a generic plan, made for no value in particular, and a connection
    ///   runs the statement for every tenant, the smallest and the largest. Parsing and planning again
    ///   cost a few milliseconds a call.
    public init(_ sql: StaticString, _ parameters: (any PostgresEncodable)?..., plannedForItsValues: Bool = false) {
        self.sql = sql
        self.parameters = parameters.map { $0?.postgresText ?? nil }
        isPlannedForItsValues = plannedForItsValues
    }
}
