import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP/1.1 server: a listening socket, a few epoll event loops and a worker pool for the responder.
public final class HTTPServer: Sendable {
    private enum Phase {
        case idle
        case running(listener: Int32, port: Int, loops: [EventLoop], workers: WorkerPool)
        case stopping
        case stopped
    }

    private let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let phase = Mutex<Phase>(.idle)
    /// Entered by `start()`, left when `stop()` has finished, so `waitUntilStopped` can wait on it.
    private let lifetime = DispatchGroup()
    let signalSources = Mutex<[SignalSource]>([])

    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
    }

    /// Binds, listens and starts the threads; returns once connections are being accepted.
    /// A taken port throws an error whose description reads "address 0.0.0.0:8080 is already in use".
    public func start() throws {
        signal(SIGPIPE, SIG_IGN)
        try phase.withLock { phase in
            guard case .idle = phase else { throw SocketError("the server was already started") }
            let listener =
                try configuration.inheritedListener.map(Socket.adopt)
                ?? Socket.listen(host: configuration.host, port: configuration.port, reusePort: configuration.reusePort)
            let workers = WorkerPool(threads: configuration.workers)
            let context = ServerContext(configuration: configuration, responder: responder, workers: workers)
            var loops: [EventLoop] = []
            do {
                for _ in 0..<max(1, configuration.eventLoops) {
                    loops.append(try EventLoop(context: context, listener: listener))
                }
            } catch {
                for loop in loops { loop.discardUnstarted() }
                close(listener)
                workers.shutDown(deadline: .now())
                throw error
            }
            for (index, loop) in loops.enumerated() { loop.start(name: "gerbang-loop-\(index)") }
            lifetime.enter()
            phase = .running(listener: listener, port: Socket.boundPort(of: listener), loops: loops, workers: workers)
        }
    }

    /// The port actually bound; 0 before `start()`.
    public var port: Int {
        phase.withLock { phase in
            if case .running(_, let port, _, _) = phase { return port }
            return 0
        }
    }

    /// Stops accepting, lets in-flight requests finish within the grace period, closes every connection,
    /// and returns when all of that is done. Safe to call more than once and from any thread.
    public func stop() {
        let running = phase.withLock { phase -> (Int32, [EventLoop], WorkerPool)? in
            guard case .running(let listener, _, let loops, let workers) = phase else { return nil }
            phase = .stopping
            return (listener, loops, workers)
        }
        guard let (listener, loops, workers) = running else {
            waitUntilStopped()
            return
        }
        let grace = Monotonic.nanoseconds(of: configuration.shutdownGracePeriod)
        let deadline = Monotonic.now() + grace
        let acknowledged = DispatchGroup()
        for loop in loops {
            acknowledged.enter()
            loop.execute { loop in
                loop.beginStop(deadline: deadline)
                acknowledged.leave()
            }
        }
        acknowledged.wait()
        // Only now no loop watches the listener any more, so its descriptor can be released.
        close(listener)
        for loop in loops { loop.waitUntilFinished() }
        workers.shutDown(deadline: .now() + .milliseconds(Int(min(grace / 1_000_000, 60_000)) + 100))
        phase.withLock { $0 = .stopped }
        lifetime.leave()
    }

    /// Opens the listening socket a supervisor hands to its workers (`inheritedListener`); it is close-on-exec
    /// until the supervisor places it in a child. The port is the one bound (the answer to port 0).
    public static func openListener(host: String, port: Int) throws -> (descriptor: Int32, port: Int) {
        let descriptor = try Socket.listen(host: host, port: port, reusePort: false)
        return (descriptor, Socket.boundPort(of: descriptor))
    }

    /// Blocks until `stop()` has finished (at once if the server never started).
    public func waitUntilStopped() {
        lifetime.wait()
    }
}
