import Foundation
import Testing

@testable import Postgres

/// A pool of one connection of the application role, named so tests can find its session.
private func singleConnectionPool(name: String) throws -> PostgresPool {
    var configuration = try TestDatabase.appConfiguration()
    configuration.poolSize = 1
    configuration.applicationName = name
    return PostgresPool(configuration: configuration)
}

/// One statement in its own transaction with transaction-local settings, sent as one pipelined batch.
@Suite struct PostgresPipelineTests {
    @Test func theStatementSeesItsSettingsAndTheNextUserOfTheConnectionDoesNot() throws {
        let pool = try singleConnectionPool(name: "pipeline-settings")
        let rows = try pool.query(
            settings: [("app.tenant_id", "t-1"), ("app.scope", "x")],
            "select current_setting('app.tenant_id', true) as tenant, current_setting('app.scope', true) as scope, $1::int + 1 as next",
            parameters: [41])
        #expect(try rows.first?.decode("tenant", as: String.self) == "t-1")
        #expect(try rows.first?.decode("scope", as: String.self) == "x")
        #expect(try rows.first?.decode("next", as: Int.self) == 42)
        let after = try pool.query("select coalesce(current_setting('app.tenant_id', true), '') as tenant")
        #expect(try after.first?.decode("tenant", as: String.self) == "")
    }

    @Test func aFailingStatementThrowsItsOwnErrorAndLeavesTheConnectionClean() throws {
        let pool = try singleConnectionPool(name: "pipeline-failure")
        let error = try #require(throws: PostgresError.self) {
            try pool.query(settings: [("app.tenant_id", "t-1")], "select 1 / $1::int as x", parameters: [0])
        }
        #expect(error.sqlState == "22012")
        // The same (only) connection is idle again, outside any transaction, settings gone.
        let rows = try pool.query("select coalesce(current_setting('app.tenant_id', true), '') as tenant, 1 as one")
        #expect(try rows.first?.decode("one", as: Int.self) == 1)
        #expect(try rows.first?.decode("tenant", as: String.self) == "")
        #expect(pool.statistics.open == 1)
    }

    @Test func aParameterWithNULIsRefusedBeforeAnythingIsSent() throws {
        let pool = try singleConnectionPool(name: "pipeline-nul")
        #expect(throws: PostgresError.self) {
            try pool.query(settings: [("app.tenant_id", "a\u{0}b")], "select 1", parameters: [])
        }
        #expect(try pool.query("select 3 as three").first?.decode("three", as: Int.self) == 3)
    }
}

/// A transaction's BEGIN and settings travel with its first statement.
@Suite struct PostgresDeferredStartTests {
    @Test func everyStatementOfTheBodySeesTheSettingsAndTheyEndWithTheTransaction() throws {
        let pool = try singleConnectionPool(name: "deferred-settings")
        let seen = try pool.transaction(settings: [("app.tenant_id", "t-7")]) { connection throws in
            let first = try connection.query("select current_setting('app.tenant_id', true) as tenant")
            #expect(connection.isInTransaction)
            let second = try connection.query("select current_setting('app.tenant_id', true) as tenant, txid_current_if_assigned() as x")
            return [try first.first?.decode("tenant", as: String.self), try second.first?.decode("tenant", as: String.self)]
        }
        #expect(seen == ["t-7", "t-7"])
        let after = try pool.query("select coalesce(current_setting('app.tenant_id', true), '') as tenant")
        #expect(try after.first?.decode("tenant", as: String.self) == "")
    }

    /// Settings travel up to three to a statement; however many there are, each one holds.
    @Test func everySettingOfAManySettingTransactionHolds() throws {
        let pool = try singleConnectionPool(name: "deferred-many-settings")
        for count in 1...7 {
            let settings = (1...count).map { (name: "app.s\($0)", value: "v\($0)") }
            let seen = try pool.transaction(settings: settings) { connection throws in
                try connection.query(
                    "select array_to_string(array(select current_setting('app.s' || n, true) from generate_series(1, $1::int) as n), ',') as seen",
                    count
                ).first?.decode("seen", as: String.self)
            }
            #expect(seen == settings.map(\.value).joined(separator: ","))
            let statement = try pool.query(
                settings: settings, "select current_setting('app.s' || $1::text, true) as last", parameters: [count])
            #expect(try statement.first?.decode("last", as: String.self) == "v\(count)")
        }
    }

    @Test func aBodyThatSendsNothingOpensNoTransaction() throws {
        let pool = try singleConnectionPool(name: "deferred-empty")
        let value = try pool.transaction(settings: [("app.tenant_id", "t-8")]) { connection in
            #expect(!connection.isInTransaction)
            return 42
        }
        #expect(value == 42)
        let after = try pool.query("select coalesce(current_setting('app.tenant_id', true), '') as tenant")
        #expect(try after.first?.decode("tenant", as: String.self) == "")
    }

    @Test func aThrowingBodyRollsBackWhatItsFirstStatementDid() throws {
        try TestDatabase.withFreshPool(creating: "create table notes (body text)") { pool throws in
            struct Stop: Error {}
            #expect(throws: Stop.self) {
                try pool.transaction(settings: [("app.scope", "x")]) { connection in
                    try connection.query("insert into notes values ($1)", "kept?")
                    throw Stop()
                }
            }
            #expect(try pool.query("select count(*)::int as n from notes").first?.decode("n", as: Int.self) == 0)
            // A script cannot join a pipeline: the pending BEGIN and settings go first, on their own.
            try pool.transaction(settings: [("app.scope", "from-setting")]) { connection in
                try connection.executeRawSQLScript("insert into notes select current_setting('app.scope', true)")
            }
            #expect(try pool.query("select body from notes").first?.decode("body", as: String.self) == "from-setting")
        }
    }
}

/// Statements whose results nobody reads wait and travel with the transaction's next statement or COMMIT.
@Suite struct PostgresEnqueueTests {
    @Test func enqueuedStatementsRunInOrderBeforeTheNextStatementAndCommitWithTheTransaction() throws {
        try TestDatabase.withFreshPool(creating: "create table notes (n int primary key, body text)") { pool throws in
            let seen = try pool.transaction(settings: [("app.scope", "s")]) { connection in
                try connection.enqueue("insert into notes values (1, current_setting('app.scope', true))")
                try connection.enqueue("update notes set body = body || $1 where n = 1", "-then")
                return try connection.query("select body from notes where n = 1").first?.decode("body", as: String.self)
            }
            #expect(seen == "s-then")
            // A body that only enqueues still commits: its statements go out with COMMIT.
            try pool.transaction { connection in
                try connection.enqueue("insert into notes values ($1, $2)", 2, "second")
            }
            let bodies = try pool.query("select body from notes order by n").map { try $0.decode("body", as: String.self) }
            #expect(bodies == ["s-then", "second"])
        }
    }

    @Test func aFailingEnqueuedStatementFailsTheWholeTransactionWithItsOwnError() throws {
        try TestDatabase.withFreshPool(poolSize: 1, creating: "create table notes (n int primary key)") { pool throws in
            let error = try #require(throws: PostgresError.self) {
                try pool.transaction { connection in
                    try connection.query("insert into notes values (1)")
                    try connection.enqueue("insert into notes values (2)")
                    try connection.enqueue("insert into notes values (1)")  // the duplicate
                    try connection.enqueue("insert into notes values (3)")
                }
            }
            #expect(error.isUniqueViolation)
            #expect(try pool.query("select count(*)::int as n from notes").first?.decode("n", as: Int.self) == 0)
            // The one connection is clean again: outside any transaction, nothing left waiting.
            try pool.transaction { connection in try connection.enqueue("insert into notes values (4)") }
            #expect(try pool.query("select n from notes").first?.decode("n", as: Int.self) == 4)
            #expect(pool.statistics.open == 1)
        }
    }

    /// Such a body goes out as one pipeline without BEGIN and COMMIT: still one transaction, all or nothing,
    /// its settings seen by every statement and gone after it.
    @Test func aBodyThatOnlyEnqueuesIsOneTransactionAllOrNothing() throws {
        try TestDatabase.withFreshPool(poolSize: 1, creating: "create table notes (n int primary key, body text)") {
            pool throws in
            let error = try #require(throws: PostgresError.self) {
                try pool.transaction(settings: [("app.note", "s")]) { connection in
                    try connection.enqueue("insert into notes values (1, current_setting('app.note', true))")
                    try connection.enqueue("insert into notes values (1, 'again')")  // the duplicate
                }
            }
            #expect(error.isUniqueViolation)
            #expect(try pool.query("select count(*)::int as n from notes").first?.decode("n", as: Int.self) == 0)
            try pool.transaction(settings: [("app.note", "s")]) { connection in
                try connection.enqueue("insert into notes values (1, current_setting('app.note', true))")
                try connection.enqueue("insert into notes values (2, current_setting('app.note', true))")
            }
            let bodies = try pool.query("select body from notes order by n").map { try $0.decode("body", as: String.self) }
            #expect(bodies == ["s", "s"])
            let after = try pool.query("select coalesce(current_setting('app.note', true), '') as note")
            #expect(try after.first?.decode("note", as: String.self) == "")
            #expect(pool.statistics.open == 1)
        }
    }

    @Test func aThrowingBodyDiscardsWhatItEnqueued() throws {
        try TestDatabase.withFreshPool(creating: "create table notes (n int)") { pool throws in
            struct Stop: Error {}
            #expect(throws: Stop.self) {
                try pool.transaction { connection in
                    try connection.query("insert into notes values (1)")
                    try connection.enqueue("insert into notes values (2)")
                    throw Stop()
                }
            }
            #expect(try pool.query("select count(*)::int as n from notes").first?.decode("n", as: Int.self) == 0)
        }
    }

    @Test func enqueueOutsideATransactionIsRefused() throws {
        let pool = try singleConnectionPool(name: "enqueue-outside")
        try pool.withConnection { connection in
            #expect(throws: PostgresError.self) { try connection.enqueue("select 1") }
        }
    }
}

/// Several statements read in one round trip, after what the transaction has pending.
@Suite struct PostgresQueriesTests {
    @Test func eachStatementsRowsComeBackInOrderAfterWhatWasEnqueued() throws {
        try TestDatabase.withFreshPool(creating: "create table notes (n int primary key, body text)") { pool throws in
            let (bodies, count) = try pool.transaction(settings: [("app.scope", "s")]) { connection in
                try connection.enqueue("insert into notes values (1, current_setting('app.scope', true))")
                let results = try connection.queries([
                    PostgresStatement("select body from notes where n = $1", 1),
                    PostgresStatement("insert into notes values (2, $1) returning body", "two"),
                    PostgresStatement("select count(*)::int as n from notes"),
                ])
                #expect(results.count == 3)
                let bodies = try results.prefix(2).map { try $0.first?.decode("body", as: String.self) }
                return (bodies, try results[2].first?.decode("n", as: Int.self))
            }
            #expect(bodies == ["s", "two"])
            #expect(count == 2)
            #expect(try pool.query("select count(*)::int as n from notes").first?.decode("n", as: Int.self) == 2)
        }
    }

    @Test func aFailingStatementThrowsAndTheTransactionKeepsNothing() throws {
        try TestDatabase.withFreshPool(poolSize: 1, creating: "create table notes (n int primary key)") { pool throws in
            let error = try #require(throws: PostgresError.self) {
                try pool.transaction { connection in
                    try connection.enqueue("insert into notes values (1)")
                    _ = try connection.queries([
                        PostgresStatement("insert into notes values (2) returning n"),
                        PostgresStatement("insert into notes values (1) returning n"),
                    ])
                }
            }
            #expect(error.isUniqueViolation)
            #expect(try pool.query("select count(*)::int as n from notes").first?.decode("n", as: Int.self) == 0)
            #expect(pool.statistics.open == 1)
        }
    }
}
