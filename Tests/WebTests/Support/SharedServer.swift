import Foundation
import TestSupport

/// The servers tests share; each starts with the first test that needs it and lasts the test run.
enum SharedServer {
    /// The application in this process: the default for every client and fixture.
    static let application: InProcessServer = try! InProcessServer()
    /// A real `gerbang serve` process, for what needs a socket (raw bytes on a connection, Chromium) or
    /// reads the process's own output.
    static let process: GerbangProcess = try! GerbangProcess()

    static func get(_ path: String, host: String, headers: [(String, String)] = []) throws -> TestHTTPResponse {
        try application.get(path, host: host, headers: headers)
    }
}
