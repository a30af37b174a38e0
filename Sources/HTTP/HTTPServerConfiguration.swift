import Foundation

/// Everything an operator may tune about the HTTP server; the defaults suit one small VM.
public struct HTTPServerConfiguration: Sendable {
    /// An IPv4 or IPv6 literal (`0.0.0.0`, `::`, `127.0.0.1`).
    public var host: String = "0.0.0.0"
    /// 0 lets the kernel pick a free port (tests read it back from `HTTPServer.port`).
    public var port: Int = 8080
    public var eventLoops: Int
    /// Threads that run the responder; they may block on the database, so there are more than cores.
    public var workers: Int
    /// Connections beyond this are accepted, told 503 and closed.
    public var maxConnections: Int = 10_000
    /// `SO_REUSEPORT`, so several processes can share the port.
    public var reusePort: Bool = false
    /// A listening socket opened by a supervisor and inherited (a worker process): served instead of
    /// binding `host`/`port`. Several processes accept from its one queue, so none of them owns it.
    public var inheritedListener: Int32?
    /// A longer request line gets 414.
    public var maxRequestLineBytes = 8 * 1024
    /// A larger header block, or more fields, gets 431.
    public var maxHeaderBytes = 16 * 1024
    public var maxHeaderCount = 100
    /// The largest body accepted for a method and raw path; larger `Content-Length` gets 413 before any read.
    public var bodyLimit: @Sendable (HTTPMethod, String) -> Int = { _, _ in 1 << 20 }
    /// A request head (or a body) that stalls this long gets 408 and the connection closes.
    public var headerTimeout: Duration = .seconds(10)
    /// A keep-alive connection with no request for this long is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// How long `stop()` waits for in-flight requests before closing everything.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// Peers whose `X-Forwarded-*` and `X-Request-Id` headers are believed.
    public var trustedProxies: [IPAddressRange] = []
    /// Receives one line per request; nil turns the access log off.
    public var accessLog: (@Sendable (String) -> Void)? = { print($0) }

    public init() {
        let cores = ProcessorCores.available
        eventLoops = cores
        workers = max(4, 4 * cores)
    }
}
