import Foundation
import TestSupport
import Testing

@testable import Web

/// Replays the committed seeds of the whole-request fuzz harness (`Fuzz/corpus/application/`) through
/// the same parser-and-application path it drives, in process against the test database, and keeps
/// its dictionary in step with the route tables.
@Suite struct ApplicationFuzzTests {
    static let path: Result<WholeRequestPath, any Error> = application.map { WholeRequestPath(application: $0) }

    /// One application in process against the test database, with the limits off.
    static let application: Result<Application, any Error> = Result {
        let root = GerbangProcess.repositoryRoot
        let config = try AppConfig(environment: [
            "DATABASE_URL": try TestEnvironment.require("DATABASE_URL"), "SECRETS_KEY": TestDatabase.secretsKey,
            "SANDBOX_GATEWAY": "true", "RATE_LIMITS": "off", "WHATSAPP_SEND": "false",
            "ACCESS_LOG": "false", "LOG_LEVEL": "error", "CONTENT_DIR": root + "/content", "PUBLIC_DIR": root + "/Public",
            "MIGRATIONS_DIR": root + "/db/migrations", "GATEWAY_TIMEOUT_SECONDS": "1", "XENDIT_API_URL": "http://127.0.0.1:9",
        ])
        return try Application(config: config)
    }

    @Test func corpusHasItsSeeds() throws {
        #expect(try FuzzSeeds.names("application").count >= 10, "Fuzz/corpus/application is missing or nearly empty")
    }

    @Test(arguments: FuzzSeeds.namesOrEmpty("application"))
    func seedIsAnsweredWithoutA5xxOrABrokenResponse(seed: String) throws {
        let path = try Self.path.get()
        let (exchanges, problems) = path.run(try FuzzSeeds.bytes("application", seed))
        #expect(!exchanges.isEmpty, "the seed \(seed) reaches no request")
        #expect(problems == [])
    }

    @Test func theAcceptLanguageSeparatorThatStoppedTheServerIsAnswered() throws {
        let path = try Self.path.get()
        let (exchanges, problems) = path.run(Array("GET /healthz HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ;\r\n\r\n".utf8))
        #expect(exchanges == [.answered(method: "GET", path: "/healthz", status: 200)])
        #expect(problems == [])
    }

    @Test func theDictionaryNamesEveryRoute() throws {
        let dictionary = try String(
            contentsOf: FuzzSeeds.directory("application").deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("application.dict"), encoding: .utf8)
        let entries = Set(dictionary.split(separator: "\n").filter { $0.hasPrefix("\"") }.map { $0.dropFirst().dropLast() })
        for route in try HostileInputSweepTests.routes() {
            // Up to the first parameter: `/orders/{number}` is known as `/orders/{number}` or `/orders`.
            let literal = route.pattern.description.split(separator: "{").first.map { String($0) } ?? "/"
            let trimmed = literal.count > 1 && literal.hasSuffix("/") ? String(literal.dropLast()) : literal
            #expect(
                entries.contains(Substring(route.pattern.description)) || entries.contains(Substring(trimmed)),
                "Fuzz/application.dict does not know \(route.pattern)")
        }
    }
}
