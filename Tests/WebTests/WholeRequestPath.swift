// Compiled twice: into WebTests (replay of Fuzz/corpus/application/) and into the libFuzzer harness
// `Fuzz/Application`, which builds HTTP and Web as separate modules with testing enabled.
import Foundation

@testable import HTTP
@testable import Web

/// The bytes a client sends on one connection, framed the way `Connection` frames them (leading empty
/// lines, the head parser, the body limit per route, keep-alive), each request answered by
/// `Application.respond(to:)` in process and serialized as the server would send it. Nothing but a
/// socket is left out, so a trap any request can reach traps here too.
struct WholeRequestPath {
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

    /// The peer is a trusted proxy, so `X-Forwarded-*` and `X-Request-Id` are read as well.
    static let peerAddress = "127.0.0.1"
    /// Requests answered per input at most: pipelining a thousand tiny requests proves nothing more.
    static let maxRequests = 8

    let responder: any HTTPResponder
    let configuration: HTTPServerConfiguration

    init(application: Application) {
        responder = application
        var configuration = application.serverConfiguration
        configuration.trustedProxies = [IPAddressRange("127.0.0.1/32")].compactMap { $0 }
        self.configuration = configuration
    }

    /// Every exchange, and what is wrong with the answers: a 5xx from the application, a response head
    /// that a value could split, or a body length that disagrees with `Content-Length`.
    func run(_ bytes: [UInt8]) -> (exchanges: [Exchange], problems: [String]) {
        let forwarded = ForwardedHeaders(trustedProxies: configuration.trustedProxies)
        var parser = HTTPRequestParser(
            limits: .init(
                maxRequestLineBytes: configuration.maxRequestLineBytes, maxHeaderBytes: configuration.maxHeaderBytes,
                maxHeaderCount: configuration.maxHeaderCount))
        var exchanges: [Exchange] = []
        var problems: [String] = []
        var start = 0
        while exchanges.count < Self.maxRequests {
            start += HTTPRequestParser.leadingEmptyLineLength(in: bytes, from: start)
            guard start < bytes.count else { break }
            switch parser.parse(bytes, from: start) {
            case .incomplete:
                return (exchanges, problems)
            case .failed(let error):
                exchanges.append(.refused(error.status.code))
                return (exchanges, problems)
            case .complete(let head, let consumed):
                start += consumed
                parser.reset()
                if head.contentLength > configuration.bodyLimit(head.method, head.path) {
                    exchanges.append(.refused(HTTPStatus.contentTooLarge.code))
                    return (exchanges, problems)
                }
                guard bytes.count - start >= head.contentLength else { return (exchanges, problems) }
                let body = Array(bytes[start..<(start + head.contentLength)])
                start += head.contentLength
                let request = forwarded.request(head: head, body: body, peerAddress: Self.peerAddress)
                let response = responder.respond(to: request)
                let (wire, bodyBytes) = HTTPResponseSerializer.serialize(
                    response, method: head.method, version: head.version, keepAlive: head.keepAlive)
                let exchange = Exchange.answered(method: head.method.rawValue, path: request.path, status: response.status.code)
                exchanges.append(exchange)
                problems += Self.problems(with: wire, bodyBytes: bodyBytes, status: response.status.code)
                    .map { "\(exchange): \($0)" }
                if !head.keepAlive { return (exchanges, problems) }
            }
        }
        return (exchanges, problems)
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
