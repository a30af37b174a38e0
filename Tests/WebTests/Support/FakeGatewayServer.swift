import Foundation
import HTTP
import Synchronization

/// A local HTTP server on a free loopback port that plays a payment gateway in tests: it records
/// every request and answers through a handler, optionally failing or stalling first.
final class FakeGatewayServer: Sendable {
    struct RecordedRequest: Sendable {
        let method: String
        let path: String
        let query: String
        let headers: [String: String]
        let body: [UInt8]

        func header(_ name: String) -> String? { headers[name.lowercased()] }

        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        }
    }

    enum Behaviour: Sendable {
        case normal
        /// Answers every request with this status and a gateway-style error body.
        case failing(status: Int)
        /// Sleeps this long before answering normally.
        case slow(Duration)
    }

    typealias Handler = @Sendable (RecordedRequest) -> HTTPResponse

    private let server: HTTPServer
    private let responder: Responder

    init(handler: @escaping Handler) throws {
        responder = Responder(handler: handler)
        var configuration = HTTPServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.eventLoops = 1
        // Enough to stall many callers at once (a slow gateway answers everyone late, not one at a time).
        configuration.workers = 32
        configuration.accessLog = nil
        configuration.shutdownGracePeriod = .milliseconds(200)
        server = HTTPServer(configuration: configuration, responder: responder)
        try server.start()
    }

    var port: Int { server.port }
    var baseURL: String { "http://127.0.0.1:\(port)" }
    var requests: [RecordedRequest] { responder.requests.withLock { $0 } }

    func setBehaviour(_ behaviour: Behaviour) {
        responder.behaviour.withLock { $0 = behaviour }
    }

    func stop() {
        server.stop()
    }

    static func json(_ object: Any, status: HTTPStatus) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/json")
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return HTTPResponse(status: status, headers: headers, body: [UInt8](data))
    }

    private final class Responder: HTTPResponder {
        let handler: Handler
        let requests = Mutex<[RecordedRequest]>([])
        let behaviour = Mutex<Behaviour>(.normal)

        init(handler: @escaping Handler) {
            self.handler = handler
        }

        func respond(to request: HTTPRequest) -> HTTPResponse {
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.lowercased()] = field.value }
            let recorded = RecordedRequest(
                method: request.method.rawValue, path: request.path, query: request.query, headers: headers,
                body: request.body)
            requests.withLock { $0.append(recorded) }
            switch behaviour.withLock({ $0 }) {
            case .normal:
                return handler(recorded)
            case .failing(let status):
                return FakeGatewayServer.json(
                    ["error_messages": ["Sorry, we encountered internal server error. We will fix this soon."]],
                    status: HTTPStatus(code: status, reason: "Failing"))
            case .slow(let delay):
                Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
                return handler(recorded)
            }
        }
    }
}
