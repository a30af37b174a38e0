// Compiled twice: into WebTests (replay of Fuzz/corpus/application/, and the in-process test server)
// and into the libFuzzer harness `Fuzz/Application`, which builds HTTP and Web as separate modules
// with testing enabled.
import Foundation

@testable import HTTP
@testable import Web

/// The bytes a client sends on one connection, framed the way `Connection` frames them (leading empty
/// lines, the head parser, the body limit per route, keep-alive), each request answered by the
/// application in process the way the event loop answers it (`respondWithoutBlocking`, else
/// `respond(to:)`) and serialized as the server would send it. Nothing but a socket is left out, so a
/// trap any request can reach traps here too.
struct WholeRequestPath: Sendable {
    /// What the server did with one request on the connection.
    enum Exchange: Equatable, CustomStringConvertible {
        /// The parser refused the bytes: the server answers this status and closes.
        case refused(Int)
        case answered(method: String, path: String, status: Int)

        var description: String {
            switch self {
            case .refused(let code): "refused \(code)"
            case .answered(let method, let path, let status): "\(method) \(path.prefix(60)) → \(status)"
            }
        }
    }

    /// One exchange and the bytes the server writes for it.
    struct Answer {
        let exchange: Exchange
        let wire: [UInt8]
        /// The body bytes among `wire` (none for HEAD, 204, 304).
        let bodyBytes: Int
    }

    /// The peer every request comes from, as a client on the same machine.
    static let peerAddress = "127.0.0.1"
    /// Requests answered per input at most: pipelining a thousand tiny requests proves nothing more.
    static let maxRequests = 8

    let responder: any HTTPResponder
    let configuration: HTTPServerConfiguration

    /// `trustingPeer`: the peer is taken for a trusted proxy, so `X-Forwarded-*` and `X-Request-Id` are
    /// read as well (the fuzz harness reaches every branch that way); otherwise the application's own
    /// `TRUSTED_PROXIES` decide, as on a server.
    init(application: Application, trustingPeer: Bool = true) {
        responder = application
        var configuration = application.serverConfiguration
        if trustingPeer {
            configuration.trustedProxies = [IPAddressRange(Self.peerAddress + "/32")].compactMap { $0 }
        }
        self.configuration = configuration
    }

    /// Every exchange, and what is wrong with the answers: a 5xx from the application, a response head
    /// that a value could split, or a body length that disagrees with `Content-Length`.
    func run(_ bytes: [UInt8]) -> (exchanges: [Exchange], problems: [String]) {
        let answers = answers(to: bytes)
        var problems: [String] = []
        for answer in answers {
            guard case .answered(_, _, let status) = answer.exchange else { continue }
            problems += Self.problems(with: answer.wire, bodyBytes: answer.bodyBytes, status: status)
                .map { "\(answer.exchange): \($0)" }
        }
        return (answers.map(\.exchange), problems)
    }

    /// The server's answers to the requests in `bytes`, in order, until the connection would close.
    func answers(to bytes: [UInt8], limit: Int = maxRequests) -> [Answer] {
        let forwarded = ForwardedHeaders(trustedProxies: configuration.trustedProxies)
        var parser = HTTPRequestParser(
            limits: .init(
                maxRequestLineBytes: configuration.maxRequestLineBytes, maxHeaderBytes: configuration.maxHeaderBytes,
                maxHeaderCount: configuration.maxHeaderCount))
        var answers: [Answer] = []
        var start = 0
        while answers.count < limit {
            start += HTTPRequestParser.leadingEmptyLineLength(in: bytes, from: start)
            guard start < bytes.count else { break }
            switch parser.parse(bytes, from: start) {
            case .incomplete:
                return answers
            case .failed(let error):
                answers.append(Self.refusal(error.status, error.message))
                return answers
            case .complete(let head, let consumed):
                start += consumed
                parser.reset()
                let limit = configuration.bodyLimit(head.method, head.path)
                if head.contentLength > limit {
                    answers.append(Self.refusal(.contentTooLarge, "the body may not exceed \(limit) bytes"))
                    return answers
                }
                guard bytes.count - start >= head.contentLength else { return answers }
                let body = Array(bytes[start..<(start + head.contentLength)])
                start += head.contentLength
                let request = forwarded.request(head: head, body: body, peerAddress: Self.peerAddress)
                let response = responder.respondWithoutBlocking(to: request) ?? responder.respond(to: request)
                let (wire, bodyBytes) = HTTPResponseSerializer.serialize(
                    response, method: head.method, version: head.version, keepAlive: head.keepAlive)
                answers.append(
                    Answer(
                        exchange: .answered(method: head.method.rawValue, path: request.path, status: response.status.code),
                        wire: wire, bodyBytes: bodyBytes))
                if !head.keepAlive { return answers }
            }
        }
        return answers
    }

    /// What `Connection` writes before it closes on a request it will not route.
    private static func refusal(_ status: HTTPStatus, _ message: String) -> Answer {
        let (wire, bodyBytes) = HTTPResponseSerializer.serialize(
            HTTPResponseSerializer.errorResponse(status, message: message), method: .GET, version: .http1_1, keepAlive: false)
        return Answer(exchange: .refused(status.code), wire: wire, bodyBytes: bodyBytes)
    }

    private static func problems(with wire: [UInt8], bodyBytes: Int, status: Int) -> [String] {
        var problems: [String] = []
        if status >= 500 { problems.append("answered \(status)") }
        guard let headEnd = wire.firstRange(of: [13, 10, 13, 10]) else { return ["the response head has no end"] }
        let lines = wire[..<(headEnd.lowerBound + 2)].split(separator: 10)
        for line in lines.dropFirst() {
            guard line.last == 13, !line.dropLast().contains(13), !line.contains(0), line.contains(UInt8(ascii: ":")) else {
                problems.append("malformed response header line \(String(decoding: line, as: UTF8.self).debugDescription)")
                continue
            }
        }
        if wire.count - headEnd.upperBound != bodyBytes {
            problems.append("\(bodyBytes) body bytes announced, \(wire.count - headEnd.upperBound) sent")
        }
        return problems
    }
}
