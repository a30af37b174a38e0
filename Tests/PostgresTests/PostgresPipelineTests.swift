import Foundation
import Testing

@testable import Postgres

/// One statement in its own transaction with transaction-local settings, sent as one pipelined batch.
@Suite struct PostgresPipelineTests {
    private func pool(name: String) throws -> PostgresPool {
        var configuration = try TestDatabase.appConfiguration()
        configuration.poolSize = 1
        configuration.applicationName = name
        return PostgresPool(configuration: configuration)
    }

    @Test func theStatementSeesItsSettingsAndTheNextUserOfTheConnectionDoesNot() throws {
        let pool = try pool(name: "pipeline-settings")
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
        let pool = try pool(name: "pipeline-failure")
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
        let pool = try pool(name: "pipeline-nul")
        #expect(throws: PostgresError.self) {
            try pool.query(settings: [("app.tenant_id", "a\u{0}b")], "select 1", parameters: [])
        }
        #expect(try pool.query("select 3 as three").first?.decode("three", as: Int.self) == 3)
    }
}
