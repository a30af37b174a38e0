import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What every event loop of one server shares: settings, the responder, the worker pool, counters.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let workers: WorkerPool
    let forwarded: ForwardedHeaders
    let parserLimits: HTTPRequestParser.Limits
    let openConnections = Atomic<Int>(0)

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder, workers: WorkerPool) {
        self.configuration = configuration
        self.responder = responder
        self.workers = workers
        self.forwarded = ForwardedHeaders(trustedProxies: configuration.trustedProxies)
        self.parserLimits = HTTPRequestParser.Limits(
            maxRequestLineBytes: configuration.maxRequestLineBytes, maxHeaderBytes: configuration.maxHeaderBytes,
            maxHeaderCount: configuration.maxHeaderCount)
    }

    /// Writes the access-log line off the event loop, since the sink may block (a full stdout pipe).
    func log(_ entry: AccessLogEntry, onWorker: Bool) {
        guard let sink = configuration.accessLog else { return }
        if onWorker {
            sink(entry.line)
        } else {
            workers.submit { sink(entry.line) }
        }
    }
}

/// Nanoseconds on the monotonic clock, for deadlines that must not jump with the wall clock.
enum Monotonic {
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    static func nanoseconds(of duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
