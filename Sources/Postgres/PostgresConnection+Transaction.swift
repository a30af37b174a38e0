import CLibPQ

extension PostgresConnection {
    /// Runs `body` between BEGIN and COMMIT, or ROLLBACK when it throws (rethrowing its error).
    ///
    /// `settings` are made transaction-local (`set_config(name, value, true)`), so they never leak to
    /// the connection's next user and work behind pgbouncer in transaction mode. BEGIN and the
    /// settings are not sent on their own: they travel in one pipeline with the body's first
    /// statement, so opening a scoped transaction costs no round trip of its own.
    ///
    /// If a statement inside failed and `body` swallowed the error, PostgreSQL would turn
    /// COMMIT into a silent ROLLBACK; that case throws instead of pretending success.
    @discardableResult
    public func transaction<T>(settings: [(name: String, value: String)] = [], _ body: (PostgresConnection) throws -> T)
        throws -> T
    {
        deferredStart = [.command("begin")] + settings.map { .query(Self.setConfig, [$0.name, $0.value]) }
        let value: T
        do {
            value = try body(self)
        } catch {
            deferredStart = []
            rollbackIfPossible()
            throw error
        }
        guard deferredStart.isEmpty else {
            // The body sent nothing: there is no transaction to end.
            deferredStart = []
            return value
        }
        guard PQtransactionStatus(handle) != PQTRANS_INERROR else {
            rollbackIfPossible()
            throw PostgresError(.query, "transaction was aborted by an earlier failed statement and rolled back")
        }
        try executeCommand("commit")
        return value
    }

    static let setConfig = "select set_config($1, $2, true)"

    /// Sends the pending BEGIN and settings ahead of `statement`, all in one pipeline; nil when
    /// nothing is pending and the caller should send the statement itself.
    func executeAfterDeferredStart(_ statement: PipelinedStatement) throws(PostgresError) -> PostgresRows? {
        guard !deferredStart.isEmpty else { return nil }
        let start = deferredStart
        deferredStart = []
        return try executePipelined(start + [statement]).last
    }

    /// Sends the pending BEGIN and settings on their own, before something that cannot join a pipeline.
    func flushDeferredStart() throws(PostgresError) {
        guard !deferredStart.isEmpty else { return }
        let start = deferredStart
        deferredStart = []
        _ = try executePipelined(start)
    }

    func rollbackIfPossible() {
        guard isOpen, PQtransactionStatus(handle) != PQTRANS_IDLE else { return }
        try? executeCommand("rollback")
    }
}

extension PostgresConnection {
    /// Inside BEGIN … COMMIT (or a failed transaction not yet rolled back).
    public var isInTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }
}
