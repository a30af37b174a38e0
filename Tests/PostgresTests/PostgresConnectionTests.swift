import Foundation
import Testing

@testable import Postgres

@Suite struct PostgresConnectionTests {
    static let hostileStrings = [
        "'; DROP TABLE notes; --", "' OR '1'='1", "\"double\" 'single'", "back\\slash \\x00 \\'", "$1", "$2::text",
        "😀 emoji 👩‍👩‍👧", "مرحبا RTL \u{202E}override", "tab\tnew\nline\r", "", " ", "NULL", "%s %d {}", "\\",
    ]

    @Test func hostileStringsComeBackAsDataAndTheTableSurvives() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        try connection.query("create temporary table notes (id serial primary key, body text)")
        for text in Self.hostileStrings {
            let inserted = try connection.query("insert into notes (body) values ($1) returning id", text)
            let id = try #require(inserted.first).decode("id", as: Int.self)
            let row = try #require(try connection.query("select body from notes where id = $1", id).first)
            #expect(try row.decode("body", as: String.self) == text)
            #expect(try connection.query("select id from notes where body = $1", text).count == 1)
        }
        let count = try connection.query("select count(*) as n from notes").first?.decode("n", as: Int.self)
        #expect(count == Self.hostileStrings.count)
    }

    @Test func emptyStringAndNullStayDistinct() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        try connection.query("create temporary table notes (id int primary key, body text)")
        let missing: String? = nil
        try connection.query("insert into notes values (1, $1), (2, $2), (3, $3)", "", missing, nil)
        let rows = try connection.query("select id, body, body is null as absent from notes order by id")
        #expect(rows.map { $0.decode("body", as: String?.self) } == ["", nil, nil])
        #expect(try rows.map { try $0.decode("absent", as: Bool.self) } == [false, true, true])
        #expect(throws: PostgresError.self) { try rows[1].decode("body", as: String.self) }
        #expect(try rows[0].decode("body") as String? == "")
    }

    @Test func unknownColumnIsAClearError() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        let row = try #require(try connection.query("select 1 as one").first)
        #expect { try row.decode("two", as: Int.self) } throws: { error in
            (error as? PostgresError)?.message.contains("two") == true
        }
    }

    @Test func nulCharacterInAParameterIsRefusedNotTruncated() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        #expect(throws: PostgresError.self) { try connection.query("select $1::text as v", "before\0after") }
        #expect(try connection.query("select 1 as one").count == 1)
    }

    @Test func constraintViolationsAreRecognisedWithoutLeakingValues() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        try connection.executeRawSQLScript(
            """
            create temporary table parents (id int primary key);
            create temporary table children (
                token text unique, parent int references parents, amount int check (amount > 0));
            insert into parents values (1);
            """
        )
        try connection.query("insert into children (token, parent, amount) values ($1, 1, 5)", "secret-token-123")
        do {
            try connection.query("insert into children (token, parent, amount) values ($1, 1, 5)", "secret-token-123")
            Issue.record("expected a unique violation")
        } catch {
            #expect(error.isUniqueViolation)
            #expect(error.kind == .query)
            #expect(error.constraint == "children_token_key")
            #expect(error.detail?.contains("secret-token-123") == true)
            #expect(!error.description.contains("secret-token-123"))
        }
        let foreignKey = try #require(throws: PostgresError.self) {
            try connection.query("insert into children (parent) values (99)")
        }
        #expect(foreignKey.isForeignKeyViolation)
        let check = try #require(throws: PostgresError.self) {
            try connection.query("insert into children (amount) values ($1)", -1)
        }
        #expect(check.isCheckViolation)
        let badInput = try #require(throws: PostgresError.self) {
            try connection.query("select $1::uuid", "not-a-uuid-but-a-secret")
        }
        #expect(badInput.sqlState == "22P02")
        #expect(!badInput.description.contains("not-a-uuid-but-a-secret"))
    }

    @Test func statementTimeoutCancelsAndTheConnectionStaysUsable() throws {
        var configuration = try TestDatabase.appConfiguration()
        configuration.statementTimeout = .milliseconds(200)
        let connection = try PostgresConnection(configuration: configuration)
        let started = ContinuousClock.now
        do {
            try connection.query("select pg_sleep(5)")
            Issue.record("expected the statement to be cancelled")
        } catch {
            #expect(error.isQueryCanceled)
            #expect(error.kind == .query)
        }
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(connection.isOpen)
        #expect(try connection.query("select 2 as two").first?.decode("two", as: Int.self) == 2)
    }

    @Test func transactionCommitsOrRollsBackWhenBodyThrows() throws {
        struct Abandon: Error {}
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        try connection.query("create temporary table ledger (amount int)")
        let committed = try connection.transaction { connection in
            try connection.query("insert into ledger values (10)")
            return "done"
        }
        #expect(committed == "done")
        #expect(throws: Abandon.self) {
            try connection.transaction { connection in
                try connection.query("insert into ledger values (20)")
                throw Abandon()
            }
        }
        #expect(!connection.isInTransaction)
        let total = try connection.query("select coalesce(sum(amount), 0) as total from ledger").first
        #expect(try total?.decode("total", as: Int.self) == 10)
    }

    @Test func swallowedStatementErrorFailsTheCommitInsteadOfLosingWritesSilently() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        try connection.query("create temporary table ledger (amount int)")
        #expect(throws: PostgresError.self) {
            try connection.transaction { connection in
                try connection.query("insert into ledger values (30)")
                _ = try? connection.query("select 1 / 0")
            }
        }
        #expect(!connection.isInTransaction)
        #expect(try connection.query("select count(*) as n from ledger").first?.decode("n", as: Int.self) == 0)
    }

    @Test func rawScriptRunsSeveralStatements() throws {
        let connection = try PostgresConnection(configuration: TestDatabase.appConfiguration())
        try connection.executeRawSQLScript(
            "create temporary table a (x int); insert into a values (1), (2); insert into a select x + 2 from a;")
        let rows = try connection.query("delete from a")
        #expect(rows.affectedRows == 4)
    }

    @Test func wrongCredentialsFailToConnectWithAConnectionError() throws {
        var configuration = try TestDatabase.appConfiguration()
        configuration.database = "no_such_database_\(UInt32.random(in: 0...UInt32.max))"
        #expect { try PostgresConnection(configuration: configuration) } throws: { error in
            (error as? PostgresError)?.kind == .connection
        }
    }
}
