import Foundation
import Synchronization
import Testing

@testable import Postgres

@Suite struct MigratorTests {
    /// A throwaway migrations directory holding `files` (name → SQL).
    @discardableResult
    private func withMigrations<T>(_ files: [String: String], _ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("migrations-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, sql) in files {
            try sql.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        return try body(directory)
    }

    private let goodMigrations = [
        "0001_items.sql": "create table items (id int primary key, name text not null); select pg_sleep(0.2);",
        "0002_counter.sql": "create table counter (n int); insert into counter values (1);",
        "0010_more.sql": "update counter set n = n + 1; alter table items add column price bigint;",
        ".gitkeep": "",
    ]

    @Test func migrationsApplyInNumericOrderOnceEach() throws {
        try withMigrations(goodMigrations) { directory in
            try TestDatabase.withFreshDatabase { configuration in
                let connection = try PostgresConnection(configuration: configuration)
                let migrator = Migrator(directory: directory)
                #expect(
                    try migrator.pendingMigrations(connection) == [
                        "0001_items.sql", "0002_counter.sql", "0010_more.sql",
                    ])
                #expect(try migrator.migrate(connection) == ["0001_items.sql", "0002_counter.sql", "0010_more.sql"])
                #expect(try migrator.migrate(connection) == [])
                #expect(try migrator.pendingMigrations(connection) == [])
                #expect(try connection.query("select n from counter").first?.decode("n", as: Int.self) == 2)
                let versions = try connection.query("select version from schema_migrations order by version")
                #expect(try versions.map { try $0.decode("version", as: Int.self) } == [1, 2, 10])
            }
        }
    }

    @Test func concurrentRunsApplyEachFileExactlyOnce() throws {
        try withMigrations(goodMigrations) { directory in
            try TestDatabase.withFreshDatabase { configuration in
                let migrator = Migrator(directory: directory)
                let applied = Mutex<[[String]]>([])
                let failures = Mutex<[String]>([])
                DispatchQueue.concurrentPerform(iterations: 3) { _ in
                    do {
                        let connection = try PostgresConnection(configuration: configuration)
                        let names = try migrator.migrate(connection)
                        applied.withLock { $0.append(names) }
                    } catch {
                        failures.withLock { $0.append(String(describing: error)) }
                    }
                }
                #expect(failures.withLock { $0 } == [])
                let all = applied.withLock { $0 }.flatMap { $0 }
                #expect(all.sorted() == ["0001_items.sql", "0002_counter.sql", "0010_more.sql"])
                let connection = try PostgresConnection(configuration: configuration)
                #expect(try connection.query("select n from counter").first?.decode("n", as: Int.self) == 2)
                #expect(try connection.query("select count(*) as n from schema_migrations").first?.decode("n", as: Int.self) == 3)
            }
        }
    }

    @Test func failingMigrationRollsBackAndNamesTheFile() throws {
        let files = [
            "0001_good.sql": "create table good (id int);",
            "0002_bad.sql": "create table half_done (id int); insert into good values (1); select 1 / 0;",
            "0003_later.sql": "create table later (id int);",
        ]
        try withMigrations(files) { directory in
            try TestDatabase.withFreshDatabase { configuration in
                let pool = PostgresPool(configuration: configuration)
                let migrator = Migrator(directory: directory)
                let error = try #require(throws: PostgresError.self) { try migrator.migrate(pool) }
                #expect(error.kind == .migration)
                #expect(error.description.contains("0002_bad.sql"))
                #expect(error.sqlState == "22012")
                let tables = try pool.query(
                    "select to_regclass('half_done') is null as rolled_back, to_regclass('later') is null as stopped")
                #expect(try tables.first?.decode("rolled_back", as: Bool.self) == true)
                #expect(try tables.first?.decode("stopped", as: Bool.self) == true)
                #expect(try pool.query("select count(*) as n from good").first?.decode("n", as: Int.self) == 0)
                #expect(try migrator.pendingMigrations(pool) == ["0002_bad.sql", "0003_later.sql"])
                // The lock was released: another run can proceed (and fail the same way).
                #expect(throws: PostgresError.self) { try migrator.migrate(pool) }
            }
        }
    }

    @Test(arguments: ["001_short.sql", "0004-dash.sql", "0005_name.SQL", "notes.txt", "0006_.sql"])
    func misnamedFileIsAnErrorThatNamesIt(name: String) throws {
        try withMigrations(["0001_ok.sql": "select 1;", name: "select 1;"]) { directory in
            let error = try #require(throws: PostgresError.self) {
                try MigrationFile.all(in: directory)
            }
            #expect(error.description.contains(name))
        }
    }

    @Test func duplicateVersionsAreRejected() throws {
        try withMigrations(["0001_a.sql": "", "0001_b.sql": ""]) { directory in
            #expect(throws: PostgresError.self) { try MigrationFile.all(in: directory) }
        }
    }
}
