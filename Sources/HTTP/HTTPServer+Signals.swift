import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

extension HTTPServer {
    /// SIGTERM and SIGINT stop the server gracefully; SIGPIPE is ignored (writes use MSG_NOSIGNAL anyway).
    public func stopOnSignals() {
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGTERM, SIGINT] {
            // The default action would kill the process before the dispatch source sees the signal.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                stop()
            }
            source.resume()
            signalSources.withLock { $0.append(SignalSource(source: source)) }
        }
    }
}

/// Dispatch sources are thread-safe objects that Swift does not mark `Sendable`; the server only keeps them alive.
struct SignalSource: @unchecked Sendable {
    let source: any DispatchSourceSignal
}
