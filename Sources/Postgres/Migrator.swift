import Foundation

/// Applies `db/migrations/NNNN_name.sql` files in numeric order, each exactly once.
///
/// Every file runs in its own transaction together with its row in `schema_migrations`,
/// so a failing file leaves no trace. The whole run holds a session advisory lock, so
/// several instances starting at once apply each file once between them. The lock is
/// per session, so migrate through a direct connection, not a transaction-mode pooler.
public struct Migrator: Sendable {
    public let directory: String
    /// How long to wait for another process's migration run to finish.
    public var lockTimeout: Duration = .seconds(600)

    public init(directory: String) {
        self.directory = directory
    }

    /// Applies pending migrations and returns their file names, in the order applied.
    @discardableResult
    public func migrate(_ connection: PostgresConnection) throws(PostgresError) -> [String] {
        let migrations = try MigrationFile.all(in: directory)
        try lock(connection)
        defer { _ = try? connection.query("select pg_advisory_unlock(7263514029)") }
        try connection.query(
            """
            create table if not exists schema_migrations (
                version int primary key,
                name text not null,
                applied_at timestamptz not null default now()
            )
            """
        )
        let applied = try appliedVersions(connection)
        var names: [String] = []
        for migration in migrations where !applied.contains(migration.version) {
            try apply(migration, on: connection)
            names.append(migration.fileName)
        }
        return names
    }

    @discardableResult
    public func migrate(_ pool: PostgresPool) throws -> [String] {
        try pool.withConnection { connection in try migrate(connection) }
    }

    /// File names not yet applied, for readiness checks. Takes no lock.
    public func pendingMigrations(_ connection: PostgresConnection) throws(PostgresError) -> [String] {
        let migrations = try MigrationFile.all(in: directory)
        let tableExists =
            try connection.query("select to_regclass('schema_migrations') is not null as present")
            .first?.decode("present", as: Bool.self) ?? false
        let applied = tableExists ? try appliedVersions(connection) : []
        return migrations.filter { !applied.contains($0.version) }.map(\.fileName)
    }

    public func pendingMigrations(_ pool: PostgresPool) throws -> [String] {
        try pool.withConnection { connection in try pendingMigrations(connection) }
    }

    private func apply(_ migration: MigrationFile, on connection: PostgresConnection) throws(PostgresError) {
        let script: String
        do {
            script = try String(contentsOfFile: migration.path, encoding: .utf8)
        } catch {
            throw PostgresError(.migration, "cannot read migration \(migration.fileName): \(error.localizedDescription)")
        }
        do {
            _ = try connection.transaction { connection in
                // A migration may legitimately run longer than a web request may.
                try connection.query("select set_config('statement_timeout', '0', true)")
                try connection.executeRawSQLScript(script)
                try connection.query(
                    "insert into schema_migrations (version, name) values ($1, $2)",
                    migration.version, migration.fileName
                )
            }
        } catch let error as PostgresError {
            var failure = error
            failure.kind = .migration
            failure.message = "migration \(migration.fileName) failed and was rolled back: \(error.message)"
            throw failure
        } catch {
            throw PostgresError(.migration, "migration \(migration.fileName) failed and was rolled back: \(error)")
        }
    }

    /// Polls `pg_try_advisory_lock` rather than blocking in `pg_advisory_lock`, which would
    /// run into `statement_timeout` behind a long migration elsewhere.
    private func lock(_ connection: PostgresConnection) throws(PostgresError) {
        let deadline = ContinuousClock.now + lockTimeout
        while true {
            let locked =
                try connection.query("select pg_try_advisory_lock(7263514029) as locked")
                .first?.decode("locked", as: Bool.self) ?? false
            if locked { return }
            guard ContinuousClock.now < deadline else {
                throw PostgresError(.migration, "another process held the migration lock for over \(lockTimeout)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private func appliedVersions(_ connection: PostgresConnection) throws(PostgresError) -> Set<Int> {
        var versions: Set<Int> = []
        for row in try connection.query("select version from schema_migrations") {
            versions.insert(try row.decode("version", as: Int.self))
        }
        return versions
    }
}
