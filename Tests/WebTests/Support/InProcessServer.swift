import Foundation
import HTTP
import TestSupport

@testable import Web

/// One `Application` in the test process, configured as `GerbangProcess` configures a server, that
/// answers without a socket: each request's bytes go through the server's own framing
/// (`WholeRequestPath`: parser, body limits, forwarded headers, the event loop's answer from memory
/// first, the serializer), so what a test reads is what the server would have written.
///
/// `respond(to:)` is called from many threads on a server too, so tests running in parallel may share
/// one. The sweeps run as on a server; the only socket is the one the sandbox gateway posts its
/// webhooks to, because the application reaches that gateway over HTTP.
///
/// `environment` overrides the test server's variables as `GerbangProcess(environment:)` does, read by
/// the same `AppConfig`, so a suite that needs its own configuration gets its own application without
/// a process of its own; such a server is stopped with `stop()` when the test is done with it.
final class InProcessServer: TestServer {
    let application: Application
    private let path: WholeRequestPath
    private let webhooks: HTTPServer

    init(environment overrides: [String: String] = [:]) throws {
        var environment = ProcessInfo.processInfo.environment.merging(GerbangProcess.environment(overrides)) { $1 }
        // The test process's output is the test report: no line per request in it.
        environment["ACCESS_LOG"] = overrides["ACCESS_LOG"] ?? "false"
        application = try Application(config: try AppConfig(environment: environment))
        path = WholeRequestPath(application: application, trustingPeer: false)
        var configuration = application.serverConfiguration
        (configuration.eventLoops, configuration.workers) = (1, 2)
        webhooks = HTTPServer(configuration: configuration, responder: application)
        application.prepare()
        try webhooks.start()
        application.startBackgroundWork(listeningOn: webhooks.port)
    }

    /// What a server's graceful stop does, and its database connections closed: a test that starts its
    /// own application leaves no sweep running and no connection open behind it.
    func stop() {
        webhooks.stop()
        application.stopBackgroundWork()
        application.services.database.closeIdleConnections()
    }

    func exchange(_ request: [UInt8], bodyless: Bool, timeout: Duration) throws -> TestHTTPResponse {
        let answers = path.answers(to: request, limit: 1)
        guard let answer = answers.first else { throw TestSupportError("no complete request in \(request.count) bytes") }
        return try TestHTTPResponse(wire: answer.wire, bodyless: bodyless)
    }
}
