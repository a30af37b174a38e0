#if canImport(Glibc)
    import Glibc
#endif

/// One client socket and its HTTP/1.1 state machine. Lives on its event loop's thread only.
///
/// One request is in flight at a time; pipelined requests wait in `buffer` and are answered in order.
final class Connection {
    enum State {
        case awaitingHead
        case readingBody(HTTPRequestHead)
        case responding(HTTPRequestHead)
        case writingResponse
        /// Our side is shut down; unread client bytes are drained so the kernel does not reset the
        /// connection before the client has read our last response.
        case lingering
        case closed
    }

    enum DeadlineKind {
        case firstHead, idle, head, body, write, linger
    }

    let fd: Int32
    let token: UInt64
    let peerAddress: String
    unowned let loop: EventLoop

    private(set) var state = State.awaitingHead
    private var buffer: [UInt8] = []
    private var start = 0
    private var parser: HTTPRequestParser
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var closeAfterResponse = false
    private(set) var peerClosed = false
    private(set) var registeredEvents = EPoll.input
    private(set) var deadline: UInt64
    private var deadlineKind = DeadlineKind.firstHead
    private var requestStartedAt: UInt64 = 0
    /// Inside `advance`, whose loop goes on to the next pipelined request itself.
    private var isAdvancing = false

    private var configuration: HTTPServerConfiguration { loop.context.configuration }

    /// Pipelined bytes buffered while a request is in flight; past this the connection stops reading.
    private var pipelineCap: Int { configuration.maxRequestLineBytes + configuration.maxHeaderBytes + 4096 }

    init(fd: Int32, token: UInt64, peerAddress: String, loop: EventLoop) {
        self.fd = fd
        self.token = token
        self.peerAddress = peerAddress
        self.loop = loop
        self.parser = HTTPRequestParser(limits: loop.context.parserLimits)
        self.deadline = Monotonic.now() + Monotonic.nanoseconds(of: loop.context.configuration.headerTimeout)
    }

    /// Waiting for a request with nothing of it received: safe to close during shutdown.
    var isIdle: Bool {
        if case .awaitingHead = state, start == buffer.count, output.isEmpty { return true }
        return false
    }

    /// Accepted, and its first request not begun: the client may be sending it right now.
    var awaitsFirstRequest: Bool {
        guard isIdle, case .firstHead = deadlineKind else { return false }
        return true
    }

    /// Brings the deadline forward (never back) to `instant`.
    func limitDeadline(to instant: UInt64) {
        deadline = min(deadline, instant)
    }

    func handle(events: UInt32) {
        if events & (EPoll.error | EPoll.hangUp) != 0 {
            // A reset or a fully closed socket: nobody is left to read an answer.
            close()
            return
        }
        if events & EPoll.input != 0 { readAvailable() }
        if events & EPoll.output != 0 { flush() }
    }

    // MARK: Reading

    private func readAvailable() {
        guard !isClosed else { return }
        let scratch = loop.readBuffer
        let received = recv(fd, scratch.baseAddress, scratch.count, 0)
        if received > 0 {
            if case .lingering = state { return }
            if start == buffer.count, start > 0 {
                buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
                start = 0
            }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<received]))
            if case .readingBody = state { extendDeadline(.body, configuration.headerTimeout) }
        } else if received == 0 {
            peerClosed = true
            if case .lingering = state {
                close()
                return
            }
        } else {
            if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return }
            close()
            return
        }
        advance()
    }

    /// Moves the state machine as far as the buffered bytes allow.
    private func advance() {
        isAdvancing = true
        defer { isAdvancing = false }
        parsing: while true {
            switch state {
            case .awaitingHead:
                if parser.isAtStart {
                    start += HTTPRequestParser.leadingEmptyLineLength(in: buffer, from: start)
                    // A lone CR may be the first half of one more empty line; wait for its LF.
                    if start + 1 == buffer.count, buffer[start] == 13, !peerClosed { break parsing }
                }
                if start == buffer.count {
                    if peerClosed { return close() }
                    break parsing
                }
                if deadlineKind == .idle { extendDeadline(.head, configuration.headerTimeout) }
                switch parser.parse(buffer, from: start) {
                case .incomplete:
                    if peerClosed { return close() }
                    break parsing
                case .failed(let error):
                    return refuse(error.status, error.message)
                case .complete(var head, let consumed):
                    start += consumed
                    parser.reset()
                    // Asked only of a request with a body: finding a route's limit costs a route match.
                    if head.contentLength > 0 {
                        let limit = configuration.bodyLimit(head.method, head.path)
                        if head.contentLength > limit {
                            return refuse(.contentTooLarge, "the body may not exceed \(limit) bytes")
                        }
                    }
                    if loop.isStopping { head.keepAlive = false }
                    if head.expectsContinue, head.contentLength > buffer.count - start {
                        queue(HTTPResponseSerializer.continueBytes)
                    }
                    state = .readingBody(head)
                    extendDeadline(.body, configuration.headerTimeout)
                }
            case .readingBody(let head):
                guard buffer.count - start >= head.contentLength else {
                    if peerClosed { return close() }
                    break parsing
                }
                let body = Array(buffer[start..<(start + head.contentLength)])
                start += head.contentLength
                dispatch(head, body: body)
                // Answered on the loop and written at once: on to the next pipelined request.
                if case .awaitingHead = state { continue parsing }
                break parsing
            case .responding, .writingResponse, .lingering, .closed:
                break parsing
            }
        }
        updateInterest()
    }

    private func dispatch(_ head: HTTPRequestHead, body: [UInt8]) {
        state = .responding(head)
        deadline = .max
        requestStartedAt = Monotonic.now()
        let context = loop.context
        let request = context.forwarded.request(head: head, body: body, peerAddress: peerAddress)
        let (loop, token, startedAt) = (loop, token, requestStartedAt)
        if let response = context.responder.respondWithoutBlocking(to: request) {
            Self.log(request, response, since: startedAt, context: context, onWorker: false)
            return send(response)
        }
        context.workers.submit {
            let response = context.responder.respond(to: request)
            Self.log(request, response, since: startedAt, context: context, onWorker: true)
            loop.execute { loop in loop.deliver(response, to: token) }
        }
    }

    private static func log(
        _ request: HTTPRequest, _ response: HTTPResponse, since startedAt: UInt64, context: ServerContext, onWorker: Bool
    ) {
        let elapsed = (Monotonic.now() - startedAt) / 1000
        context.log(
            AccessLogEntry(
                requestID: request.id, host: request.host, logTag: response.logTag, method: request.method.rawValue,
                path: request.path, status: response.status.code,
                bodyBytes: request.method == .HEAD ? 0 : response.body.count, microseconds: Int(elapsed)),
            onWorker: onWorker)
    }

    // MARK: Interest and deadlines

    func updateInterest() {
        guard !isClosed else { return }
        var wanted: UInt32 = 0
        if outputOffset < output.count { wanted |= EPoll.output }
        if !peerClosed {
            switch state {
            case .awaitingHead, .readingBody, .lingering:
                wanted |= EPoll.input
            case .responding, .writingResponse:
                if buffer.count - start < pipelineCap { wanted |= EPoll.input }
            case .closed:
                break
            }
        }
        if wanted != registeredEvents {
            registeredEvents = wanted
            loop.modify(fd, token: token, events: wanted)
        }
    }

    func extendDeadline(_ kind: DeadlineKind, _ duration: Duration) {
        deadlineKind = kind
        deadline = Monotonic.now() + Monotonic.nanoseconds(of: duration)
    }

    func deadlinePassed() {
        switch state {
        case .awaitingHead where start < buffer.count, .readingBody:
            refuse(.requestTimeout, "the request was not received in time")
        case .responding:
            break
        default:
            close()
        }
    }

    var isClosed: Bool {
        if case .closed = state { return true }
        return false
    }

    // MARK: Shared with Connection+Writing

    var pendingOutput: Bool { outputOffset < output.count }

    func setState(_ newState: State) { state = newState }

    func setCloseAfterResponse() { closeAfterResponse = true }

    var shouldCloseAfterResponse: Bool { closeAfterResponse || peerClosed || loop.isStopping }

    func queue(_ bytes: [UInt8]) {
        if outputOffset == output.count {
            output = bytes
            outputOffset = 0
        } else {
            output.append(contentsOf: bytes)
        }
        flush()
    }

    /// Writes as much as the socket takes; the rest waits for EPOLLOUT.
    func flush() {
        while outputOffset < output.count, !isClosed {
            let sent = output.withUnsafeBytes { bytes in
                Glibc.send(fd, bytes.baseAddress! + outputOffset, bytes.count - outputOffset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                outputOffset += sent
                if case .writingResponse = state { extendDeadline(.write, configuration.idleTimeout) }
            } else if sent < 0, errno == EINTR {
                continue
            } else if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                updateInterest()
                return
            } else {
                return close()
            }
        }
        guard !isClosed else { return }
        output = []
        outputOffset = 0
        if case .writingResponse = state {
            responseWritten()
        } else {
            updateInterest()
        }
    }

    /// Keep-alive: back to waiting for the next (perhaps already buffered) request.
    func resumeAfterResponse() {
        state = .awaitingHead
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: false)
            start = 0
        } else if start > 32 * 1024 {
            buffer.removeFirst(start)
            start = 0
        }
        extendDeadline(.idle, configuration.idleTimeout)
        // A response given on the loop is written from within `advance`, whose loop then goes on; calling
        // it again here would nest one call per pipelined request.
        if !isAdvancing { advance() }
    }

    func discardInput() {
        buffer = []
        start = 0
    }
}
