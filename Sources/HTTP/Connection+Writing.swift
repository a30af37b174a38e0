#if canImport(Glibc)
    import Glibc
#endif

extension Connection {
    /// The responder's answer to the request in flight.
    func send(_ response: HTTPResponse) {
        guard case .responding(let head) = state else { return }
        let keepAlive = head.keepAlive && !shouldCloseAfterResponse
        if !keepAlive { setCloseAfterResponse() }
        let (bytes, _) = HTTPResponseSerializer.serialize(
            response, method: head.method, version: head.version, keepAlive: keepAlive)
        setState(.writingResponse)
        extendDeadline(.write, loop.context.configuration.idleTimeout)
        queue(bytes)
    }

    /// Answers a request the server will not pass on (bad syntax, limits, timeouts), then closes.
    func refuse(_ status: HTTPStatus, _ message: String) {
        guard !isClosed else { return }
        let response = HTTPResponseSerializer.errorResponse(status, message: message)
        let (bytes, bodyBytes) = HTTPResponseSerializer.serialize(
            response, method: .GET, version: .http1_1, keepAlive: false)
        loop.context.log(
            AccessLogEntry(
                requestID: RequestID.next(), host: nil, logTag: nil, method: "-", path: "-",
                status: status.code, bodyBytes: bodyBytes, microseconds: 0),
            onWorker: false)
        discardInput()
        setCloseAfterResponse()
        setState(.writingResponse)
        extendDeadline(.write, loop.context.configuration.idleTimeout)
        queue(bytes)
    }

    func responseWritten() {
        if shouldCloseAfterResponse {
            beginLingeringClose()
        } else {
            resumeAfterResponse()
        }
    }

    /// Half-closes and drains for a moment, so a client still sending (a refused body, say) reads our
    /// answer instead of a connection reset.
    func beginLingeringClose() {
        guard !isClosed else { return }
        if peerClosed { return close() }
        discardInput()
        setState(.lingering)
        shutdown(fd, Int32(SHUT_WR))
        extendDeadline(.linger, .seconds(1))
        updateInterest()
    }

    func close() {
        guard !isClosed else { return }
        setState(.closed)
        loop.forget(self)
        Glibc.close(fd)
    }
}
