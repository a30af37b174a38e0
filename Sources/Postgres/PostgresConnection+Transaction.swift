import CLibPQ

extension PostgresConnection {
    /// Runs `body` between BEGIN and COMMIT, or ROLLBACK when it throws (rethrowing its error).
    ///
    /// If a statement inside failed and `body` swallowed the error, PostgreSQL would turn
    /// COMMIT into a silent ROLLBACK; that case throws instead of pretending success.
    @discardableResult
    public func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        _ = try execute("begin", parameters: [])
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackIfPossible()
            throw error
        }
        guard PQtransactionStatus(handle) != PQTRANS_INERROR else {
            rollbackIfPossible()
            throw PostgresError(.query, "transaction was aborted by an earlier failed statement and rolled back")
        }
        _ = try execute("commit", parameters: [])
        return value
    }

    func rollbackIfPossible() {
        guard isOpen, PQtransactionStatus(handle) != PQTRANS_IDLE else { return }
        _ = try? execute("rollback", parameters: [])
    }
}

extension PostgresConnection {
    /// Inside BEGIN … COMMIT (or a failed transaction not yet rolled back).
    public var isInTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }
}
