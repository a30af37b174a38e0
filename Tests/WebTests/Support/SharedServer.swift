import Foundation
import TestSupport

/// One `gerbang serve` process shared by the tests that only read; it exits with the test run.
enum SharedServer {
    static let process: GerbangProcess = try! GerbangProcess()
    static var port: Int { process.port }

    static func get(_ path: String, host: String, headers: [(String, String)] = []) throws -> TestHTTPResponse {
        try TestHTTPClient.request(port: port, method: "GET", path: path, host: host, headers: headers)
    }
}
