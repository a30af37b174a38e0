import Foundation
import HTTP
import Synchronization
import TestSupport

/// A responder whose answers reveal what the server handed it.
struct ProbeResponder: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        let parameters = Dictionary(
            request.query.split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }, uniquingKeysWith: { first, _ in first })
        var response: HTTPResponse
        switch request.path {
        case "/echo":
            response = HTTPResponse(body: request.body)
        case "/slow":
            Thread.sleep(forTimeInterval: Double(parameters["ms"].flatMap(Int.init) ?? 200) / 1000)
            response = .text("slow done")
        case "/big":
            let count = parameters["bytes"].flatMap(Int.init) ?? 1000
            response = HTTPResponse(body: [UInt8](repeating: UInt8(ascii: "x"), count: count))
        default:
            response = .text("hello \(request.path)")
        }
        response.headers.set("X-Method", request.method.rawValue)
        response.headers.set("X-Client", request.clientAddress)
        response.headers.set("X-Secure", request.isSecure ? "yes" : "no")
        response.headers.set("X-Host", request.host ?? "-")
        response.headers.set("X-Id", request.id)
        response.logTag = "probe"
        return response
    }

    /// `/memory/…` is answered on the event loop, the way an application answers from its caches.
    func respondWithoutBlocking(to request: HTTPRequest) -> HTTPResponse? {
        guard request.path.hasPrefix("/memory/") else { return nil }
        return HTTPResponse.text("memory \(request.path)")
    }
}

/// Collects access-log lines from any thread.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    var all: [String] { lines.withLock { $0 } }
}

/// Runs `body` against a fresh server on a free port, then stops it.
func withServer(
    _ configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    _ body: (HTTPServer) throws -> Void
) throws {
    var configuration = HTTPServerConfiguration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.eventLoops = 2
    configuration.workers = 4
    configuration.accessLog = nil
    configuration.shutdownGracePeriod = .seconds(3)
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, responder: ProbeResponder())
    try server.start()
    defer { server.stop() }
    try body(server)
}

/// Milliseconds taken by `work`.
func milliseconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}
