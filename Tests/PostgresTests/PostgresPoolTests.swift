import Foundation
import Synchronization
import Testing

@testable import Postgres

@Suite struct PostgresPoolTests {
    private func pool(size: Int, acquireTimeout: Duration = .seconds(5), name: String) throws -> PostgresPool {
        var configuration = try TestDatabase.appConfiguration()
        configuration.poolSize = size
        configuration.acquireTimeout = acquireTimeout
        configuration.applicationName = name
        return PostgresPool(configuration: configuration)
    }

    @Test func secondAcquireTimesOutWhileTheOnlyConnectionIsHeld() throws {
        let pool = try pool(size: 1, acquireTimeout: .milliseconds(300), name: "pool-timeout")
        let held = DispatchSemaphore(value: 0)
        let finish = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? pool.withConnection { _ in
                held.signal()
                finish.wait()
            }
            held.signal()
        }
        held.wait()
        #expect(pool.statistics == (open: 1, inUse: 1, waiting: 0))
        let started = ContinuousClock.now
        let error = try #require(throws: PostgresError.self) { try pool.query("select 1") }
        #expect(error.kind == .acquireTimeout)
        #expect(ContinuousClock.now - started >= .milliseconds(250))
        finish.signal()
        held.wait()
        #expect(try pool.query("select 1 as one").first?.decode("one", as: Int.self) == 1)
        #expect(pool.statistics == (open: 1, inUse: 0, waiting: 0))
    }

    @Test func waitingAcquirerGetsTheConnectionWhenReleased() throws {
        let pool = try pool(size: 1, name: "pool-wait")
        let held = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? pool.withConnection { _ in
                held.signal()
                // Released only once the main thread is seen waiting.
                while pool.statistics.waiting == 0 { Thread.sleep(forTimeInterval: 0.01) }
            }
        }
        held.wait()
        let value = try pool.withConnection { connection in
            try connection.query("select 7 as seven").first?.decode("seven", as: Int.self)
        }
        #expect(value == 7)
        #expect(pool.statistics.open == 1)
    }

    @Test func concurrentQueriesNeverOpenMoreThanThePoolSize() throws {
        let name = TestDatabase.uniqueApplicationName("pool-bound")
        let pool = try pool(size: 3, name: name)
        let peak = Atomic<Int>(0)
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            do {
                let count =
                    try pool.query(
                        "select count(*) as n from pg_stat_activity where application_name = $1 and pg_sleep(0.05) is not null",
                        name
                    ).first?.decode("n", as: Int.self) ?? 0
                peak.max(count)
            } catch {
                failures.add(1, ordering: .relaxed)
            }
        }
        #expect(failures.load(ordering: .relaxed) == 0)
        #expect(peak.load(ordering: .relaxed) <= 3)
        #expect(pool.statistics.open <= 3)
        #expect(pool.statistics.inUse == 0)
    }

    @Test func terminatedBackendIsReplacedAndTheNextQueryWorks() throws {
        let pool = try pool(size: 1, name: "pool-terminate")
        let firstProcess = try #require(try pool.query("select pg_backend_pid() as pid").first)
            .decode("pid", as: Int32.self)
        try TestDatabase.terminateSession(processID: firstProcess)
        let secondProcess = try #require(try pool.query("select pg_backend_pid() as pid").first)
            .decode("pid", as: Int32.self)
        #expect(secondProcess != firstProcess)
        #expect(pool.statistics == (open: 1, inUse: 0, waiting: 0))
    }

    @Test func connectionKilledInsideATransactionIsDiscarded() throws {
        let pool = try pool(size: 1, name: "pool-kill-in-transaction")
        let error = try #require(throws: PostgresError.self) {
            try pool.transaction { connection in
                try TestDatabase.terminateSession(processID: connection.backendProcessID)
                try connection.query("select 1")
            }
        }
        #expect(error.isConnectionLost)
        #expect(pool.statistics == (open: 0, inUse: 0, waiting: 0))
        #expect(try pool.query("select 1 as one").count == 1)
    }

    @Test func transactionThroughThePoolRollsBackOnThrow() throws {
        struct Abandon: Error {}
        try TestDatabase.withFreshPool(creating: "create table ledger (amount int)") { pool throws in
            try pool.transaction { connection in try connection.query("insert into ledger values (1)") }
            #expect(throws: Abandon.self) {
                try pool.transaction { connection in
                    try connection.query("insert into ledger values (2)")
                    throw Abandon()
                }
            }
            #expect(try pool.query("select sum(amount) as total from ledger").first?.decode("total", as: Int.self) == 1)
            pool.closeIdleConnections()
            #expect(pool.statistics.open == 0)
        }
    }

    @Test func connectionLeftInATransactionIsRolledBackOnRelease() throws {
        try TestDatabase.withFreshPool(poolSize: 1, creating: "create table ledger (amount int)") { pool throws in
            try pool.withConnection { connection in
                try connection.query("begin")
                try connection.query("insert into ledger values (5)")
            }
            #expect(try pool.query("select count(*) as n from ledger").first?.decode("n", as: Int.self) == 0)
        }
    }
}

extension Atomic<Int> {
    fileprivate func max(_ value: Int) {
        var current = load(ordering: .relaxed)
        while value > current {
            let (exchanged, original) = compareExchange(expected: current, desired: value, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }
}
