import Foundation
import Postgres
import TestSupport
import Testing

/// A statement that runs past `DB_STATEMENT_TIMEOUT_MS` is cancelled by PostgreSQL; the visitor gets the
/// busy page (503 with `Retry-After`), never a 500, and the same page works once the database is free.
@Suite struct StatementTimeoutTests {
    @Test func aPageWhoseQueryOutlivesTheTimeoutIsABusyPageAndWorksAgainAfterwards() throws {
        let server = try InProcessServer(environment: ["DB_STATEMENT_TIMEOUT_MS": "300"])
        defer { server.stop() }
        let admin = try AdminFixtures.tenantWithAdmin()
        let browser = try AdminFixtures.signedIn(admin, server: server)
        #expect(try browser.get("/admin/finance").status == 200)

        // The finance page reads the expenses; while another transaction holds them locked, its query
        // waits until the timeout cancels it.
        let started = Date()
        let busy = try TestDatabase.owner.transaction { db in
            try db.query("lock table expenses in access exclusive mode")
            return try browser.get("/admin/finance")
        }
        #expect(busy.status == 503)
        #expect(busy.headers["Retry-After"] == "5")
        #expect(busy.text.contains("Service busy"))
        #expect(Date().timeIntervalSince(started) < 10)

        #expect(try browser.get("/admin/finance").status == 200)
    }
}
