import Foundation
import HTTP
import Testing

@testable import Web

@Suite struct GatewayHTTPClientTests {
    @Test func statusAndBodyComeBackForAnyHTTPAnswer() throws {
        let server = try FakeGatewayServer { request in
            FakeGatewayServer.json(["echo": String(decoding: request.body, as: UTF8.self)], status: .notFound)
        }
        defer { server.stop() }
        let response = try GatewayHTTPClient(timeout: .seconds(5)).send(
            method: "PUT", url: server.baseURL + "/x?y=1", headers: ["X-Test": "1"], body: Array("hello".utf8))
        #expect(response.status == 404)
        #expect(!response.isSuccess)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"echo":"hello"}"#)
        let sent = try #require(server.requests.first)
        #expect(sent.method == "PUT")
        #expect(sent.path == "/x")
        #expect(sent.query == "y=1")
        #expect(sent.header("X-Test") == "1")
    }

    @Test(arguments: ["", "not a url", "file:///etc/passwd", "ftp://127.0.0.1/x", "http://"])
    func unusableURLIsAConfigurationProblem(_ url: String) {
        let error = #expect(throws: GatewayError.self) {
            try GatewayHTTPClient(timeout: .seconds(1)).send(method: "GET", url: url, headers: [:])
        }
        if case .misconfigured = error {} else { Issue.record("expected .misconfigured, got \(String(describing: error))") }
    }

    @Test func timeoutCoversTheWholeExchange() throws {
        let server = try FakeGatewayServer { _ in HTTPResponse.text("late") }
        defer { server.stop() }
        server.setBehaviour(.slow(.seconds(3)))
        let started = ContinuousClock.now
        let error = #expect(throws: GatewayError.self) {
            try GatewayHTTPClient(timeout: .seconds(1)).send(method: "GET", url: server.baseURL + "/", headers: [:])
        }
        #expect(ContinuousClock.now - started < .milliseconds(2500))
        guard case .unavailable(let why) = try #require(error) else {
            Issue.record("expected .unavailable, got \(String(describing: error))")
            return
        }
        #expect(why.contains("127.0.0.1"))
    }
}
