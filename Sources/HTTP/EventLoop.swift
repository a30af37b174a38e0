import CSystem
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One thread waiting in `epoll_wait` for many connections.
///
/// Connections and everything below them belong to the loop's thread; other threads reach the loop
/// only through `execute`, which queues a closure and wakes the loop through an eventfd. That is why
/// the class can be `@unchecked Sendable`.
final class EventLoop: @unchecked Sendable {
    private static let wakeToken: UInt64 = 0
    private static let listenerToken: UInt64 = 1

    let context: ServerContext
    private let listener: Int32
    private let epoll: Int32
    private let wakeFD: Int32
    private let inbox = Mutex<(tasks: [@Sendable (EventLoop) -> Void], isClosed: Bool)>(([], false))
    private let finished = DispatchGroup()

    // Loop-thread state.
    private var connections: [UInt64: Connection] = [:]
    private var nextToken: UInt64 = 2
    private(set) var isStopping = false
    private var stopDeadline = UInt64.max
    private var isListening = false
    private var acceptPausedUntil: UInt64 = 0
    /// Shared by every connection of the loop: data is copied out of it at once, so idle connections hold no buffer.
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    private let tick: UInt64

    init(context: ServerContext, listener: Int32) throws {
        self.context = context
        self.listener = listener
        epoll = EPoll.create()
        guard epoll >= 0 else { throw SocketError.lastError("epoll_create1") }
        wakeFD = EPoll.makeEventFD()
        guard wakeFD >= 0 else {
            close(epoll)
            throw SocketError.lastError("eventfd")
        }
        let shortest = min(
            Monotonic.nanoseconds(of: context.configuration.headerTimeout),
            Monotonic.nanoseconds(of: context.configuration.idleTimeout))
        // Deadlines are checked a few times per shortest timeout, never more often than every 10 ms.
        tick = min(max(shortest / 5, 10_000_000), 250_000_000)
        register(wakeFD, token: Self.wakeToken, events: EPoll.input)
        startListening()
    }

    deinit {
        readBuffer.deallocate()
    }

    func start(name: String) {
        finished.enter()
        let thread = Thread { [self] in
            run()
            finished.leave()
        }
        thread.name = name
        thread.start()
    }

    /// Releases the descriptors of a loop that was never started (a later loop failed to initialise).
    func discardUnstarted() {
        stopListening()
        close(wakeFD)
        close(epoll)
    }

    /// Runs `task` on the loop's thread. Dropped silently once the loop has ended.
    func execute(_ task: @escaping @Sendable (EventLoop) -> Void) {
        let accepted = inbox.withLock { inbox in
            guard !inbox.isClosed else { return false }
            inbox.tasks.append(task)
            return true
        }
        guard accepted else { return }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    func waitUntilFinished() {
        finished.wait()
    }

    /// Stops accepting at once; idle keep-alive connections close now, busy ones after their response or
    /// at `deadline`. A connection accepted a moment ago gets a second for its first request: closing it
    /// unanswered would fail a request the client had every right to send (with several worker processes on
    /// one socket, a replaced worker may have taken it from the queue just before SIGTERM).
    func beginStop(deadline: UInt64) {
        isStopping = true
        stopDeadline = deadline
        stopListening()
        let firstRequestGrace = min(deadline, Monotonic.now() + 1_000_000_000)
        for connection in Array(connections.values) where connection.isIdle {
            if connection.awaitsFirstRequest {
                connection.limitDeadline(to: firstRequestGrace)
            } else {
                connection.close()
            }
        }
    }

    // MARK: Connections' view of the loop

    func register(_ fd: Int32, token: UInt64, events: UInt32) {
        EPoll.register(epoll, fd: fd, events: events, token: token)
    }

    func modify(_ fd: Int32, token: UInt64, events: UInt32) {
        EPoll.change(epoll, fd: fd, events: events, token: token)
    }

    func forget(_ connection: Connection) {
        EPoll.unregister(epoll, fd: connection.fd)
        connections[connection.token] = nil
        context.openConnections.subtract(1, ordering: .relaxed)
    }

    /// A worker's answer comes back here; the connection may have gone meanwhile.
    func deliver(_ response: HTTPResponse, to token: UInt64) {
        connections[token]?.send(response)
    }

    // MARK: The loop

    private func run() {
        let events = UnsafeMutablePointer<gerbang_epoll_event>.allocate(capacity: EPoll.batch)
        defer { events.deallocate() }
        var nextSweep = Monotonic.now() + tick
        while true {
            let timeout = Int32(max(1, min(tick, nextSweep &- min(nextSweep, Monotonic.now())) / 1_000_000))
            let count = EPoll.wait(epoll, buffer: events, timeoutMilliseconds: timeout)
            if count < 0, errno != EINTR { break }
            for index in 0..<max(0, Int(count)) {
                let (flags, token) = (events[index].events, events[index].token)
                switch token {
                case Self.wakeToken: runTasks()
                case Self.listenerToken: acceptConnections()
                default: connections[token]?.handle(events: flags)
                }
            }
            let now = Monotonic.now()
            if now >= nextSweep {
                sweep(now: now)
                nextSweep = now + tick
            }
            if isStopping, connections.isEmpty || now >= stopDeadline { break }
        }
        for connection in Array(connections.values) { connection.close() }
        inbox.withLock { $0.isClosed = true }
        close(wakeFD)
        close(epoll)
    }

    private func runTasks() {
        var counter: UInt64 = 0
        _ = read(wakeFD, &counter, 8)
        let tasks = inbox.withLock { inbox in
            defer { inbox.tasks.removeAll(keepingCapacity: true) }
            return inbox.tasks
        }
        for task in tasks { task(self) }
    }

    private func sweep(now: UInt64) {
        if !isStopping, !isListening, now >= acceptPausedUntil { startListening() }
        for connection in Array(connections.values) where connection.deadline <= now {
            connection.deadlinePassed()
        }
    }

    private func acceptConnections() {
        let limit = context.configuration.maxConnections
        // A bounded batch keeps one loop from starving its own connections under a connection flood.
        for _ in 0..<64 {
            guard let (fd, peer) = Socket.accept(from: listener) else {
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    // Out of descriptors: the listener stays readable, so stop watching it for a moment.
                    stopListening()
                    acceptPausedUntil = Monotonic.now() + 100_000_000
                }
                return
            }
            if context.openConnections.add(1, ordering: .relaxed).newValue > limit {
                context.openConnections.subtract(1, ordering: .relaxed)
                refuseOverCapacity(fd)
                continue
            }
            let token = nextToken
            nextToken += 1
            let connection = Connection(fd: fd, token: token, peerAddress: peer, loop: self)
            connections[token] = connection
            register(fd, token: token, events: connection.registeredEvents)
        }
    }

    private func refuseOverCapacity(_ fd: Int32) {
        let response = HTTPResponseSerializer.errorResponse(.serviceUnavailable, message: "server busy, try again")
        let (bytes, _) = HTTPResponseSerializer.serialize(response, method: .GET, version: .http1_1, keepAlive: false)
        bytes.withUnsafeBytes { _ = Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        shutdown(fd, Int32(SHUT_WR))
        close(fd)
    }

    private func startListening() {
        guard !isListening else { return }
        // EPOLLEXCLUSIVE wakes one loop per new connection instead of all of them.
        register(listener, token: Self.listenerToken, events: EPoll.input | EPoll.exclusive)
        isListening = true
    }

    private func stopListening() {
        guard isListening else { return }
        EPoll.unregister(epoll, fd: listener)
        isListening = false
    }
}
