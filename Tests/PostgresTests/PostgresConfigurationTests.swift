import Testing

@testable import Postgres

@Suite struct PostgresConfigurationTests {
    @Test func urlComponentsBecomeConnectionKeywords() throws {
        let configuration = try PostgresConfiguration(
            url: "postgresql://app:s%40cret%2Fpw@db.example.com:6432/gerbang?sslmode=require&application_name=web-1")
        #expect(configuration.user == "app")
        #expect(configuration.password == "s@cret/pw")
        #expect(configuration.host == "db.example.com")
        #expect(configuration.port == 6432)
        #expect(configuration.database == "gerbang")
        #expect(configuration.applicationName == "web-1")
        let keywords = Dictionary(configuration.connectionParameters, uniquingKeysWith: { first, _ in first })
        #expect(keywords["sslmode"] == "require")
        #expect(keywords["password"] == "s@cret/pw")
        #expect(keywords["client_encoding"] == "UTF8")
    }

    @Test func sessionSettingsTravelInStartupOptions() throws {
        var configuration = try PostgresConfiguration(url: "postgres://u@localhost/db")
        configuration.statementTimeout = .milliseconds(1500)
        #expect(configuration.startupOptions.contains("-c statement_timeout=1500"))
        #expect(configuration.startupOptions.contains("-c TimeZone=UTC"))
        #expect(configuration.startupOptions.contains("-c DateStyle=ISO"))
        #expect(configuration.startupOptions.contains("-c jit=off"))
        configuration.statementTimeout = nil
        #expect(!configuration.startupOptions.contains("statement_timeout"))
    }

    @Test func aSocketDirectoryInTheQueryReachesTheServerOverItsUnixSocket() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://u@:5433/db?host=/run/postgresql")
        #expect(configuration.host == "/run/postgresql")
        #expect(configuration.port == 5433)
        // The test cluster's own socket (scripts/pg.sh prints its URL): no server address means no TCP.
        let connection = try PostgresConnection(configuration: PostgresConfiguration(url: TestDatabase.url("SOCKET_DATABASE_URL")))
        let row = try #require(try connection.query("select inet_server_addr() is null as over_socket, 1 as one").first)
        #expect(try row.decode("over_socket", as: Bool.self))
        #expect(try row.decode("one", as: Int.self) == 1)
    }

    @Test func bracketedIPv6HostIsUnwrapped() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://u@[::1]:5433/db")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 5433)
    }

    @Test(arguments: [
        "mysql://u@host/db", "postgresql://host/db", "postgresql://u@host/", "not a url",
        "postgresql://u@host/db?options=-c%20role%3Dpostgres",
    ])
    func malformedOrUnsafeURLIsRejected(url: String) {
        #expect(throws: PostgresError.self) { try PostgresConfiguration(url: url) }
    }

    @Test func rejectionDoesNotRepeatThePassword() {
        do {
            _ = try PostgresConfiguration(url: "mysql://u:hunter2@host/db")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidConfiguration)
            #expect(!error.description.contains("hunter2"))
        }
    }
}
