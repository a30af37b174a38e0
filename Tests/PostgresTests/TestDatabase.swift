import Foundation
import Postgres

/// The cluster the tests run against, from the environment `scripts/pg.sh start` (or
/// `make test`) exports. A missing variable fails the test with a message saying so.
enum TestDatabase {
    struct MissingEnvironment: Error, CustomStringConvertible {
        let variable: String
        var description: String {
            "\(variable) is not set: run `eval \"$(scripts/pg.sh start /tmp/pg | sed 's/^/export /')\"` or `make test`"
        }
    }

    static func url(_ variable: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
            throw MissingEnvironment(variable: variable)
        }
        return value
    }

    /// The application role (owns nothing) on the shared `gerbang` database.
    static func appConfiguration() throws -> PostgresConfiguration {
        try PostgresConfiguration(url: url("DATABASE_URL"))
    }

    static func adminConfiguration() throws -> PostgresConfiguration {
        try PostgresConfiguration(url: url("PG_ADMIN_URL"))
    }

    /// Runs `body` with the owner role connected to a new, empty database, dropped afterwards,
    /// so a test can create tables and channels with fixed names without meeting other tests.
    static func withFreshDatabase<T>(_ body: (PostgresConfiguration) throws -> T) throws -> T {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(configuration: adminConfiguration())
        // Identifiers cannot be parameters; the name is generated here, never input.
        try admin.executeRawSQLScript("create database \(name) owner gerbang_owner")
        defer { try? admin.executeRawSQLScript("drop database if exists \(name) with (force)") }
        var configuration = try PostgresConfiguration(url: url("MIGRATION_DATABASE_URL"))
        configuration.database = name
        return try body(configuration)
    }

    /// A pool on a fresh database (`withFreshDatabase`) where `table` has just been created.
    static func withFreshPool<T>(
        poolSize: Int? = nil, creating table: StaticString, _ body: (PostgresPool) throws -> T
    ) throws -> T {
        try withFreshDatabase { configuration in
            var configuration = configuration
            if let poolSize { configuration.poolSize = poolSize }
            let pool = PostgresPool(configuration: configuration)
            try pool.query(table)
            return try body(pool)
        }
    }

    /// Ends the server processes of every session with this application name, and waits
    /// until they are gone, as an operator or a crash would.
    static func terminateSessions(applicationName: String) throws {
        let admin = try PostgresConnection(configuration: adminConfiguration())
        try admin.query(
            "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1", applicationName
        )
        try waitUntilGone(admin) {
            try $0.query("select count(*) as n from pg_stat_activity where application_name = $1", applicationName)
        }
    }

    static func terminateSession(processID: Int32) throws {
        let admin = try PostgresConnection(configuration: adminConfiguration())
        try admin.query("select pg_terminate_backend($1)", processID)
        try waitUntilGone(admin) { try $0.query("select count(*) as n from pg_stat_activity where pid = $1", processID) }
    }

    private static func waitUntilGone(_ admin: PostgresConnection, count: (PostgresConnection) throws -> PostgresRows)
        throws
    {
        for _ in 0..<200 {
            if try count(admin).first?.decode("n", as: Int.self) == 0 { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    static func uniqueApplicationName(_ prefix: String) -> String {
        prefix + "-" + UUID().uuidString.prefix(8).lowercased()
    }
}
