import Foundation

/// A bounded set of connections shared by the worker threads.
///
/// Connections open lazily, up to `configuration.poolSize`. A thread that finds none free
/// waits up to `configuration.acquireTimeout`, then gets `PostgresError.acquireTimeout`
/// (a 503 upstream) instead of piling up. Connections found broken are closed and replaced.
public final class PostgresPool: Sendable {
    public let configuration: PostgresConfiguration

    private struct State {
        var idle: [PostgresConnection] = []
        var open = 0
        var inUse = 0
        var waiting = 0
    }

    private enum Reservation {
        case idle(PostgresConnection)
        case openNew
    }

    /// Guards `state`; `NSCondition` rather than `Mutex` because acquirers must be able to wait.
    private let condition = NSCondition()
    /// Read and written only with `condition` locked, which is what makes the class `Sendable`.
    private nonisolated(unsafe) var state = State()

    public init(configuration: PostgresConfiguration) {
        self.configuration = configuration
    }

    public var statistics: (open: Int, inUse: Int, waiting: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (state.open, state.inUse, state.waiting)
    }

    /// Lends a connection to `body` and takes it back afterwards, even when `body` throws.
    /// A connection left inside a transaction, or found broken, is closed instead of reused.
    @discardableResult
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try acquire()
        defer { release(connection) }
        return try body(connection)
    }

    /// BEGIN, `body`, COMMIT on one pooled connection; ROLLBACK and rethrow when `body` throws.
    @discardableResult
    public func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection { connection in try connection.transaction(body) }
    }

    /// BEGIN, each setting for this transaction only (`set_config(name, value, true)`), `body`,
    /// COMMIT; see `PostgresConnection.transaction(settings:_:)`.
    @discardableResult
    public func transaction<T>(settings: [(name: String, value: String)], _ body: (PostgresConnection) throws -> T)
        throws -> T
    {
        try withConnection { connection in try connection.transaction(settings: settings, body) }
    }

    /// One statement on any free connection, outside a transaction.
    @discardableResult
    public func query(_ sql: StaticString, _ parameters: (any PostgresEncodable)?...) throws(PostgresError)
        -> PostgresRows
    {
        try query(sql, parameters: parameters)
    }

    /// Retried once on a fresh connection when the first one turns out to have been dead
    /// already: the send failed, or the server had ended the session (SQLSTATE class 57P),
    /// in which case the statement cannot have been committed; or the server refused one of
    /// the session's prepared statements as stale, in which case it did not run.
    @discardableResult
    public func query(_ sql: StaticString, parameters: [(any PostgresEncodable)?]) throws(PostgresError)
        -> PostgresRows
    {
        let texts = parameters.map { $0?.postgresText ?? nil }
        return try retryingOnDeadConnection { connection throws(PostgresError) in
            try connection.execute(sql.description, parameters: texts)
        }
    }

    /// One statement in a transaction of its own whose `settings` are set for that transaction only,
    /// in one network round trip (`PostgresConnection.executeInTransaction`). Retried like `query`.
    @discardableResult
    public func query(
        settings: [(name: String, value: String)], _ sql: StaticString, parameters: [(any PostgresEncodable)?]
    ) throws(PostgresError) -> PostgresRows {
        let texts = parameters.map { $0?.postgresText ?? nil }
        return try retryingOnDeadConnection { connection throws(PostgresError) in
            try connection.executeInTransaction(settings: settings, sql.description, parameters: texts)
        }
    }

    private func retryingOnDeadConnection(
        _ body: (PostgresConnection) throws(PostgresError) -> PostgresRows
    ) throws(PostgresError) -> PostgresRows {
        var attempt = 0
        while true {
            attempt += 1
            let connection = try acquire()
            do {
                let rows = try body(connection)
                release(connection)
                return rows
            } catch {
                release(connection)
                let sessionWasEnded = error.kind == .connection && error.sqlState?.hasPrefix("57P") == true
                // Every pooled session may hold the stale statement once, and each forgets it on the spot.
                let mayRetry =
                    (attempt == 1 && (error.failedBeforeSending || sessionWasEnded))
                    || (error.isStalePreparedStatement && attempt <= configuration.poolSize)
                guard mayRetry else { throw error }
            }
        }
    }

    /// Closes idle connections (at shutdown); lent ones close when they come back broken or
    /// when the pool is released.
    public func closeIdleConnections() {
        condition.lock()
        let closing = state.idle
        state.idle = []
        state.open -= closing.count
        condition.broadcast()
        condition.unlock()
        _ = closing  // released here, outside the lock, which runs PQfinish
    }

    func acquire() throws(PostgresError) -> PostgresConnection {
        let deadline = ContinuousClock.now + configuration.acquireTimeout
        while true {
            guard let reservation = reserve(until: deadline) else {
                throw PostgresError(
                    .acquireTimeout,
                    "no database connection became free within \(configuration.acquireTimeout) (pool size \(configuration.poolSize))"
                )
            }
            switch reservation {
            case .idle(let connection):
                if connection.isReusable() { return connection }
                giveBackSlot()
            case .openNew:
                do {
                    return try PostgresConnection(configuration: configuration)
                } catch {
                    giveBackSlot()
                    throw error
                }
            }
        }
    }

    func release(_ connection: PostgresConnection) {
        connection.rollbackIfPossible()
        connection.deallocateStalePreparedStatements()
        let reusable = connection.isOpen && !connection.isInTransaction
        condition.lock()
        state.inUse -= 1
        if reusable {
            state.idle.append(connection)
        } else {
            state.open -= 1
        }
        condition.broadcast()
        condition.unlock()
    }

    private func reserve(until deadline: ContinuousClock.Instant) -> Reservation? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let connection = state.idle.popLast() {
                state.inUse += 1
                return .idle(connection)
            }
            if state.open < configuration.poolSize {
                state.open += 1
                state.inUse += 1
                return .openNew
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            state.waiting += 1
            _ = condition.wait(until: Date.now.addingTimeInterval(remaining.timeInterval))
            state.waiting -= 1
        }
    }

    /// Forgets a connection that was closed or never opened, so another can take its place.
    private func giveBackSlot() {
        condition.lock()
        state.open -= 1
        state.inUse -= 1
        condition.broadcast()
        condition.unlock()
    }
}

extension Duration {
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
