// Compiled twice: into HTTPTests (seed replay) and, next to the HTTP sources, into the libFuzzer
// harness `Fuzz/HTTPParser`, where the types are in the same module and there is nothing to import.
#if canImport(HTTP)
    @testable import HTTP
#endif

/// What must hold for any bytes a client can send: the request-head parser, driven the way `Connection`
/// drives it, stays inside its limits, hands out only well-formed heads, never frames a body larger than
/// the route allows, and reaches the same verdicts however the bytes are split across reads.
enum HTTPParserInvariants {
    /// Small limits, so short fuzz inputs reach every 414 and 431 branch.
    static let limits = HTTPRequestParser.Limits(maxRequestLineBytes: 96, maxHeaderBytes: 256, maxHeaderCount: 8)
    static let bodyLimit = 64

    /// Descriptions of every broken rule; empty when the input was handled correctly.
    static func violations(in input: [UInt8]) -> [String] {
        var problems: [String] = []
        let whole = FramingSimulation.run(input, readSizes: [input.count], problems: &problems)
        let stride = 1 + input.count % 7
        let chunked = FramingSimulation.run(input, readSizes: [stride], problems: &problems)
        if chunked != whole {
            problems.append("reads of \(stride) bytes gave \(chunked), one read gave \(whole)")
        }
        if input.count <= 1024 {
            let bytewise = FramingSimulation.run(input, readSizes: [1], problems: &problems)
            if bytewise != whole {
                problems.append("one byte per read gave \(bytewise), one read gave \(whole)")
            }
        }
        return problems
    }
}

extension HTTPParserInvariants {
    /// The server's framing loop (`Connection.advance`) without sockets: bytes arrive in reads of the given
    /// sizes (the last size repeats), and every complete head is checked before its body is taken.
    struct FramingSimulation {
        enum Outcome: Equatable, CustomStringConvertible {
            case request(method: String, target: String, fields: Int, body: Int)
            case refused(code: Int)
            case waiting(buffered: Int)

            var description: String {
                switch self {
                case .request(let method, let target, let fields, let body): "\(method) \(target) [\(fields) fields, \(body) B]"
                case .refused(let code): "refused \(code)"
                case .waiting(let buffered): "waiting with \(buffered) B"
                }
            }
        }

        private static let refusalCodes: Set<Int> = [400, 411, 413, 414, 417, 431, 501, 505]

        private var buffer: [UInt8] = []
        private var start = 0
        private var parser = HTTPRequestParser(limits: HTTPParserInvariants.limits)
        private var pendingHead: HTTPRequestHead?
        private var closed = false
        private var outcomes: [Outcome] = []

        static func run(_ input: [UInt8], readSizes: [Int], problems: inout [String]) -> [Outcome] {
            var simulation = FramingSimulation()
            var offset = 0
            var read = 0
            while offset < input.count, !simulation.closed {
                let size = max(1, readSizes[min(read, readSizes.count - 1)])
                let end = min(input.count, offset + size)
                simulation.buffer.append(contentsOf: input[offset..<end])
                offset = end
                read += 1
                simulation.advance(peerClosed: offset == input.count, problems: &problems)
            }
            if !simulation.closed { simulation.outcomes.append(.waiting(buffered: simulation.buffer.count - simulation.start)) }
            return simulation.outcomes
        }

        private mutating func advance(peerClosed: Bool, problems: inout [String]) {
            while !closed {
                if let head = pendingHead {
                    guard buffer.count - start >= head.contentLength else { return }
                    let body = Array(buffer[start..<(start + head.contentLength)])
                    start += head.contentLength
                    pendingHead = nil
                    check(head, body: body, problems: &problems)
                    outcomes.append(
                        .request(method: head.method.rawValue, target: head.target, fields: head.headers.count, body: body.count))
                    if !head.keepAlive { closed = true }
                    continue
                }
                if parser.isAtStart {
                    start += HTTPRequestParser.leadingEmptyLineLength(in: buffer, from: start)
                    if start + 1 == buffer.count, buffer[start] == 13, !peerClosed { return }
                }
                guard start < buffer.count else { return }
                switch parser.parse(buffer, from: start) {
                case .incomplete:
                    return
                case .failed(let error):
                    if !Self.refusalCodes.contains(error.status.code) {
                        problems.append("unexpected refusal status \(error.status.code)")
                    }
                    outcomes.append(.refused(code: error.status.code))
                    closed = true
                case .complete(let head, let consumed):
                    checkFraming(consumed: consumed, problems: &problems)
                    start += consumed
                    parser.reset()
                    if head.contentLength > HTTPParserInvariants.bodyLimit {
                        outcomes.append(.refused(code: 413))
                        closed = true
                    } else {
                        pendingHead = head
                    }
                }
            }
        }

        /// The head ends with LF inside the buffered bytes and its request line and field block are within limits.
        private func checkFraming(consumed: Int, problems: inout [String]) {
            let limits = HTTPParserInvariants.limits
            guard consumed > 0, start + consumed <= buffer.count else {
                problems.append("consumed \(consumed) of \(buffer.count - start) buffered bytes")
                return
            }
            let head = buffer[start..<(start + consumed)]
            guard head.last == 10, let firstNewline = head.firstIndex(of: 10) else {
                problems.append("a head that does not end with LF")
                return
            }
            var lineEnd = firstNewline
            if lineEnd > head.startIndex, buffer[lineEnd - 1] == 13 { lineEnd -= 1 }
            if lineEnd - head.startIndex > limits.maxRequestLineBytes {
                problems.append("request line of \(lineEnd - head.startIndex) bytes accepted")
            }
            if head.endIndex - (firstNewline + 1) > limits.maxHeaderBytes + 2 {
                problems.append("header block of \(head.endIndex - firstNewline - 1) bytes accepted")
            }
        }

        private func check(_ head: HTTPRequestHead, body: [UInt8], problems: inout [String]) {
            if body.count > HTTPParserInvariants.bodyLimit { problems.append("body of \(body.count) bytes framed") }
            if body.count != head.contentLength { problems.append("body \(body.count) B for Content-Length \(head.contentLength)") }
            if head.headers.count > HTTPParserInvariants.limits.maxHeaderCount {
                problems.append("\(head.headers.count) header fields accepted")
            }
            for field in head.headers {
                if field.name.isEmpty || !field.name.utf8.allSatisfy(Cookie.isTokenByte) {
                    problems.append("header name \(field.name.debugDescription) is not a token")
                }
                if field.value.utf8.contains(where: { $0 == 0 || $0 == 10 || $0 == 13 }) {
                    problems.append("header value \(field.value.debugDescription) holds NUL, CR or LF")
                }
            }
            let target = head.target
            let isAsterisk = target == "*" && head.method == .OPTIONS
            if !(target.hasPrefix("/") || isAsterisk) || !target.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) {
                problems.append("target \(target.debugDescription) accepted")
            }
            let hosts = head.headers.values("Host").count
            if hosts > 1 || (head.version == .http1_1 && hosts == 0) { problems.append("\(hosts) Host fields accepted") }
            if head.headers.contains("Transfer-Encoding") { problems.append("Transfer-Encoding accepted") }
            if !head.headers.contains("Content-Length"), head.contentLength != 0 {
                problems.append("length \(head.contentLength) without Content-Length")
            }
            checkRequest(head, body: body, problems: &problems)
        }

        /// What handlers receive, built as the server builds it behind a trusted proxy.
        private func checkRequest(_ head: HTTPRequestHead, body: [UInt8], problems: inout [String]) {
            let forwarded = ForwardedHeaders(trustedProxies: [IPAddressRange("127.0.0.1")!])
            let request = forwarded.request(head: head, body: body, peerAddress: "127.0.0.1")
            let rebuilt = request.query.isEmpty ? [request.path, request.path + "?"] : [request.path + "?" + request.query]
            if !rebuilt.contains(request.target) || request.path.isEmpty {
                problems.append("path \(request.path.debugDescription) and query \(request.query.debugDescription) split badly")
            }
            if request.clientAddress != "127.0.0.1", !IPAddressRange.isAddress(request.clientAddress) {
                problems.append("client address \(request.clientAddress.debugDescription) believed")
            }
            if request.id.isEmpty || request.id.utf8.count > 128
                || !request.id.utf8.allSatisfy({ byte in
                    byte | 0x20 >= 97 && byte | 0x20 <= 122 || byte >= 48 && byte <= 57 || "-_.".utf8.contains(byte)
                })
            {
                problems.append("request id \(request.id.debugDescription) passed through")
            }
            if let host = request.host, host.utf8.contains(where: { $0 == 0 || $0 == 10 || $0 == 13 }) {
                problems.append("host \(host.debugDescription) holds NUL, CR or LF")
            }
        }
    }
}
