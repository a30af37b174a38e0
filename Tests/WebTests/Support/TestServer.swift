import Foundation
import TestSupport

/// Where a test's requests go: a `gerbang serve` process over a socket (`GerbangProcess`), or an
/// `Application` in the test process (`InProcessServer`). Clients and fixtures take either, so a suite
/// moves between them by the server it is given.
protocol TestServer: Sendable {
    /// Sends one request's bytes (as `TestHTTPClient.requestBytes` frames them) and reads the answer.
    func exchange(_ request: [UInt8], bodyless: Bool, timeout: Duration) throws -> TestHTTPResponse
}

extension TestServer {
    /// One request with `Connection: close`, as `TestHTTPClient.request` sends it.
    func request(
        method: String = "GET", path: String = "/", host: String = "localhost", headers: [(String, String)] = [],
        body: [UInt8] = [], timeout: Duration = .seconds(5)
    ) throws -> TestHTTPResponse {
        try exchange(
            TestHTTPClient.requestBytes(method: method, path: path, host: host, headers: headers, body: body),
            bodyless: method == "HEAD", timeout: timeout)
    }

    func get(_ path: String, host: String, headers: [(String, String)] = []) throws -> TestHTTPResponse {
        try request(method: "GET", path: path, host: host, headers: headers)
    }
}

/// A server reached over a loopback socket.
protocol ServerOnPort: TestServer {
    var port: Int { get }
}

extension ServerOnPort {
    func exchange(_ request: [UInt8], bodyless: Bool, timeout: Duration) throws -> TestHTTPResponse {
        try TestHTTPClient.exchange(port: port, request, bodyless: bodyless, timeout: timeout)
    }
}

/// Whatever listens on a port some other harness chose.
struct LoopbackServer: ServerOnPort {
    let port: Int
}

extension GerbangProcess: ServerOnPort {}
extension NginxProxy: ServerOnPort {}
