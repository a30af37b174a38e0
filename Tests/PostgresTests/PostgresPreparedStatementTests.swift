import Foundation
import Testing

@testable import Postgres

/// Statements are prepared once per session and run by name; a statement made stale by a
/// migration is prepared again instead of failing the request.
@Suite struct PostgresPreparedStatementTests {
    private static let probe: StaticString = "select $1::int * 2 as doubled"

    private func preparedCount(of sql: StaticString, on connection: PostgresConnection) throws -> Int {
        let rows = try connection.query(
            "select count(*)::int as n from pg_prepared_statements where statement = $1", sql.description)
        return try rows.first?.decode("n", as: Int.self) ?? -1
    }

    @Test func aStatementIsPreparedOnceAndRunByNameAfterwards() throws {
        var configuration = try TestDatabase.appConfiguration()
        configuration.poolSize = 1
        let pool = PostgresPool(configuration: configuration)
        for value in 1...3 {
            #expect(try pool.query(Self.probe, value).first?.decode("doubled", as: Int.self) == value * 2)
            let rows = try pool.query(settings: [("app.scope", "x")], Self.probe, parameters: [value + 10])
            #expect(try rows.first?.decode("doubled", as: Int.self) == (value + 10) * 2)
        }
        try pool.withConnection { connection throws in
            #expect(try preparedCount(of: Self.probe, on: connection) == 1)
            // The setting statement of the pipelined path is prepared too.
            #expect(try preparedCount(of: "select set_config($1, $2, true)", on: connection) == 1)
        }
    }

    @Test func aStatementPlannedForItsValuesIsNeverPreparedAndTravelsInTheSamePipeline() throws {
        var configuration = try TestDatabase.appConfiguration()
        configuration.poolSize = 1
        let pool = PostgresPool(configuration: configuration)
        let sql: StaticString = "select $1::int * 3 as tripled"
        try pool.withConnection { connection throws in
            for value in 1...7 {
                let results = try connection.transaction(settings: [("app.scope", "x")]) { db in
                    try db.queries([
                        PostgresStatement(sql, value, plannedForItsValues: true),
                        PostgresStatement("select current_setting('app.scope') as scope"),
                    ])
                }
                #expect(try results.first?.first?.decode("tripled", as: Int.self) == value * 3)
                #expect(try results.last?.first?.decode("scope", as: String.self) == "x")
            }
            #expect(try preparedCount(of: sql, on: connection) == 0)
            #expect(try preparedCount(of: "select current_setting('app.scope') as scope", on: connection) == 1)
        }
    }

    @Test func turnedOffNothingIsPrepared() throws {
        var configuration = try TestDatabase.appConfiguration()
        configuration.poolSize = 1
        configuration.preparesStatements = false
        let pool = PostgresPool(configuration: configuration)
        try pool.query(Self.probe, 1)
        try pool.query(settings: [("app.scope", "x")], Self.probe, parameters: [2])
        try pool.withConnection { connection throws in
            let rows = try connection.query("select count(*)::int as n from pg_prepared_statements")
            #expect(try rows.first?.decode("n", as: Int.self) == 0)
        }
    }

    @Test func aTableChangedUnderEveryPooledSessionIsReadAgainNotRefused() throws {
        try TestDatabase.withFreshPool(poolSize: 2, creating: "create table readings (a int)") { pool throws in
            try pool.query("insert into readings values (1)")
            // Both sessions prepare `select *` while the table has one column.
            try pool.withConnection { first throws in
                try pool.withConnection { second throws in
                    #expect(try first.query("select * from readings").first?.decode("a", as: Int.self) == 1)
                    #expect(try second.query("select * from readings").first?.decode("a", as: Int.self) == 1)
                }
            }
            try pool.query("alter table readings add column b int default 7")

            let rows = try pool.query("select * from readings")
            #expect(try rows.first?.decode("b", as: Int.self) == 7)
            let scoped = try pool.query(settings: [("app.scope", "x")], "select * from readings", parameters: [])
            #expect(try scoped.first?.decode("b", as: Int.self) == 7)
            #expect(pool.statistics.open <= 2)
        }
    }

    /// A session keeps each statement's column names; a result with other names is read by its own.
    @Test func aColumnRenamedUnderTheSessionIsReadByItsNewName() throws {
        for prepared in [true, false] {
            try TestDatabase.withFreshDatabase { configuration in
                var configuration = configuration
                configuration.poolSize = 1
                configuration.preparesStatements = prepared
                let pool = PostgresPool(configuration: configuration)
                try pool.query("create table readings (a int)")
                try pool.query("insert into readings values (1)")
                #expect(try pool.query("select * from readings").first?.decode("a", as: Int.self) == 1)
                try pool.query("alter table readings rename column a to c")

                let row = try #require(try pool.query("select * from readings").first)
                #expect(try row.decode("c", as: Int.self) == 1)
                #expect(throws: PostgresError.self) { try row.decode("a", as: Int.self) }
            }
        }
    }

    @Test func insideATransactionTheStaleStatementFailsOnceAndTheSessionRecovers() throws {
        try TestDatabase.withFreshPool(poolSize: 1, creating: "create table readings (a int)") { pool throws in
            try pool.transaction { try $0.query("select * from readings") }
            try pool.query("alter table readings add column b int")

            let error = try #require(throws: PostgresError.self) {
                try pool.transaction { try $0.query("select * from readings") }
            }
            #expect(error.isStalePreparedStatement)
            // The same session: its names were dropped and the statement is prepared afresh.
            try pool.transaction { connection throws in
                try connection.query("insert into readings values (1, 2)")
                #expect(try connection.query("select * from readings").first?.decode("b", as: Int.self) == 2)
            }
            #expect(pool.statistics.open == 1)
        }
    }
}
