import CLibPQ
import Foundation
import Synchronization

/// LISTEN/NOTIFY on a dedicated connection and thread.
///
/// Handlers run on the listener's thread, one at a time, so they should be quick (drop a
/// cache entry, signal something). When the connection is lost the listener reconnects
/// with backoff, listens again, and calls `onReconnect`: notifications sent while it was
/// away are gone, so callers flush whatever those notifications would have invalidated.
public final class PostgresListener: Sendable {
    public typealias Handler = @Sendable (_ payload: String) -> Void

    private struct State {
        var handlers: [String: [Handler]] = [:]
        var isRunning = false
        var isListening = false
        var onReconnect: @Sendable () -> Void = {}
    }

    private let configuration: PostgresConfiguration
    private let state = Mutex(State())
    private let stopRequested = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// How long `poll` blocks before the thread re-checks for `stop()` and new channels.
    private static let pollInterval: Int32 = 100
    private static let maximumBackoff: Duration = .seconds(5)

    public init(configuration: PostgresConfiguration, onReconnect: @escaping @Sendable () -> Void = {}) {
        var configuration = configuration
        // A listening session sits idle by design; no statement of its own runs long.
        configuration.statementTimeout = .seconds(30)
        self.configuration = configuration
        self.onReconnect = onReconnect
    }

    /// Called on the listener's thread after a lost connection is re-established and
    /// listening again (not on the first connection).
    public var onReconnect: @Sendable () -> Void {
        get { state.withLock { $0.onReconnect } }
        set { state.withLock { $0.onReconnect = newValue } }
    }

    /// Calls `handler` with the payload of every notification on `channel`. May be called
    /// before or after `start()`; a running listener issues the LISTEN within ~100 ms.
    public func listen(_ channel: StaticString, _ handler: @escaping Handler) {
        state.withLock { state in
            state.handlers[channel.description, default: []].append(handler)
            state.isListening = false
        }
    }

    public func start() {
        let alreadyRunning = state.withLock { state in
            defer { state.isRunning = true }
            return state.isRunning
        }
        guard !alreadyRunning else { return }
        stopRequested.store(false, ordering: .sequentiallyConsistent)
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "postgres-listener"
        thread.start()
    }

    /// Stops the thread and closes its connection before returning.
    public func stop() {
        guard state.withLock({ $0.isRunning }) else { return }
        stopRequested.store(true, ordering: .sequentiallyConsistent)
        finished.wait()
        state.withLock { state in
            state.isRunning = false
            state.isListening = false
        }
    }

    /// Waits until every registered channel is being listened to on a live connection.
    /// Useful before relying on delivery (tests, readiness).
    @discardableResult
    public func waitUntilListening(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if state.withLock({ $0.isListening }) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    private var shouldStop: Bool { stopRequested.load(ordering: .sequentiallyConsistent) }

    private func run() {
        var backoff: Duration = .milliseconds(100)
        var hasConnectedBefore = false
        while !shouldStop {
            guard let connection = try? PostgresConnection(configuration: configuration) else {
                sleep(for: backoff)
                backoff = min(backoff * 2, Self.maximumBackoff)
                continue
            }
            backoff = .milliseconds(100)
            var listening: Set<String> = []
            guard listenToNewChannels(on: connection, alreadyListening: &listening) else { continue }
            if hasConnectedBefore { onReconnect() }
            hasConnectedBefore = true
            receive(on: connection, listening: &listening)
            state.withLock { $0.isListening = false }
        }
    }

    /// Polls the socket until the connection is lost or `stop()` is called.
    private func receive(on connection: PostgresConnection, listening: inout Set<String>) {
        var descriptor = pollfd(fd: PQsocket(connection.handle), events: Int16(POLLIN), revents: 0)
        while !shouldStop {
            let ready = poll(&descriptor, 1, Self.pollInterval)
            if ready < 0 && errno != EINTR { return }
            if ready > 0 {
                guard PQconsumeInput(connection.handle) == 1 else { return }
                deliverNotifications(from: connection)
            }
            guard connection.isOpen, listenToNewChannels(on: connection, alreadyListening: &listening) else { return }
        }
    }

    private func deliverNotifications(from connection: PostgresConnection) {
        while let notification = PQnotifies(connection.handle) {
            let channel = String(cString: notification.pointee.relname)
            let payload = String(cString: notification.pointee.extra)
            PQfreemem(notification)
            for handler in state.withLock({ $0.handlers[channel] ?? [] }) {
                handler(payload)
            }
        }
    }

    /// Issues LISTEN for channels registered since the last call; false if the connection failed.
    private func listenToNewChannels(on connection: PostgresConnection, alreadyListening: inout Set<String>) -> Bool {
        let channels = state.withLock { Set($0.handlers.keys) }
        for channel in channels.subtracting(alreadyListening) {
            // LISTEN takes an identifier, not a parameter; the name is a compile-time
            // constant and libpq quotes it.
            guard let identifier = connection.quotedIdentifier(channel),
                (try? connection.executeRawSQLScript("listen " + identifier)) != nil
            else { return false }
            alreadyListening.insert(channel)
        }
        state.withLock { state in
            if Set(state.handlers.keys) == alreadyListening { state.isListening = true }
        }
        return true
    }

    private func sleep(for duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !shouldStop, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}

extension PostgresConnection {
    /// `"name"` with embedded quotes doubled, by libpq's own escaping.
    func quotedIdentifier(_ name: String) -> String? {
        let utf8 = Array(name.utf8)
        let escaped = utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQescapeIdentifier(handle, $0.baseAddress, $0.count) }
        }
        guard let escaped else { return nil }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }
}
