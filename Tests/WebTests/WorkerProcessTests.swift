import Foundation
import TestSupport
import Testing

@testable import Web

#if canImport(Glibc)
    import Glibc
#endif

/// `gerbang serve` as a supervisor of worker processes on one shared socket: a worker killed under load
/// costs only its requests in flight, SIGHUP replaces every worker without one failed request, SIGTERM
/// leaves nothing behind, and what several instances agree on through the database (rate limits, usage,
/// cache invalidation) stays exact across workers. One test at a time: each runs load on two cores.
@Suite(.serialized) struct WorkerProcessTests {
    static let workers = 3

    /// A supervisor of three workers; the buyers and the load all come from loopback.
    static func supervisor(_ extra: [String: String] = [:]) throws -> GerbangProcess {
        let environment = ["WORKER_PROCESSES": String(workers), "RATE_LIMITS": "off", "ACCESS_LOG": "off"]
        let server = try GerbangProcess(environment: environment.merging(extra) { $1 })
        #expect(server.workerPIDs.count == workers, "\(server.log)")
        return server
    }

    @Test func aWorkerKilledUnderLoadCostsOnlyItsRequestsInFlightAndIsReplacedAtOnce() throws {
        let server = try Self.supervisor()
        defer { server.stop() }
        let shop = try Shop.open()
        let profileID = try shop.addProfile(name: "Worker crash day", price: 5_000)
        let load = LoadForTests(port: server.port, requests: [("/", shop.host), ("/healthz", "localhost")])
        let buyers = PurchaseRun()
        let buyersDone = DispatchGroup()
        let stopBuying = Date().addingTimeInterval(12)
        for client in 0..<2 {
            buyersDone.enter()
            Thread {
                buyers.buyUntil(stopBuying, port: server.port, host: shop.host, profileID: profileID, client: client)
                buyersDone.leave()
            }.start()
        }

        // On a loaded machine the first purchase may take a while: the kill must land among purchases.
        try eventually(within: .seconds(6)) { try PurchaseRun.paidOrders(shop) > 0 }
        let paidBeforeKill = try PurchaseRun.paidOrders(shop)
        let before = server.workerPIDs
        let victim = try #require(before.sorted().first)
        kill(victim, SIGKILL)
        let killed = ContinuousClock.now
        var firstAnswer: Duration?
        while firstAnswer == nil, ContinuousClock.now - killed < .seconds(5) {
            if (try? TestHTTPClient.request(port: server.port, path: "/healthz").status) == 200 {
                firstAnswer = ContinuousClock.now - killed
            }
        }
        print("WorkerProcessTests: the port answered \(firstAnswer.map { "\($0)" } ?? "never") after SIGKILL")
        #expect(firstAnswer.map { $0 < .milliseconds(100) } == true, "first answer after the kill: \(String(describing: firstAnswer))")

        try eventually(within: .seconds(5)) {
            let now = server.workerPIDs
            return now.count == Self.workers && !now.contains(victim)
        }
        #expect(server.workerPIDs.subtracting(before).count == 1, "one new worker in the victim's place")
        #expect(server.log.contains("worker \(victim) killed by SIGKILL; starting a replacement now"))
        #expect(try server.metric(#"gerbang_worker_exits_total{reason="signal"}"#) == 1)
        // The supervisor writes its counters just after the spawn that made the new pid visible.
        try eventually(within: .seconds(2)) { try server.metric("gerbang_worker_starts_total") == Double(Self.workers + 1) }

        buyersDone.wait()
        let tally = load.stop()
        let afterKill = tally.failures.filter { $0.at - killed > .seconds(1) }
        print("WorkerProcessTests: \(tally.answered) answered, \(tally.failures.count) failed around the kill")
        #expect(tally.answered > 50, "the load ran")
        // Each load thread and each buyer has at most one request in flight on the victim.
        #expect(tally.failures.count + buyers.outcome.failures <= 4 + 2, "\(tally.failures.map(\.what))")
        #expect(afterKill.isEmpty, "failures after the replacement: \(afterKill.map(\.what))")
        let paidAfterKill = try PurchaseRun.paidOrders(shop) - paidBeforeKill
        #expect(paidBeforeKill > 0 && paidAfterKill > 0, "purchases before and after the kill")
        try PurchaseRun.expectNothingLostOrDoubled(shop, buyers.outcome)
    }

    @Test func sighupUnderLoadReplacesEveryWorkerWithoutOneFailedRequest() throws {
        let server = try Self.supervisor()
        defer { server.stop() }
        let shop = try Shop.open()
        let load = LoadForTests(port: server.port, requests: [("/", shop.host), ("/healthz", "localhost")])
        Thread.sleep(forTimeInterval: 1)
        let before = server.workerPIDs
        server.signal(SIGHUP)
        try eventually(within: .seconds(30)) {
            let now = server.workerPIDs
            return now.count == Self.workers && now.isDisjoint(with: before)
        }
        Thread.sleep(forTimeInterval: 1)
        let tally = load.stop()
        print("WorkerProcessTests: SIGHUP under load: \(tally.answered) answered, \(tally.failures.count) failed")
        #expect(tally.failures.isEmpty, "\(tally.failures.map(\.what))")
        #expect(tally.answered > 50, "the load ran")
        for old in before { #expect(server.log.contains("replaces worker \(old)")) }
        try eventually(within: .seconds(5)) {
            try server.metric(#"gerbang_worker_exits_total{reason="replaced"}"#) == Double(Self.workers)
        }
        #expect(try server.metric("gerbang_supervisor_reloads_total") == 1)
        #expect(try server.metric(#"gerbang_worker_exits_total{reason="signal"}"#) == 0)
    }

    @Test func sighupAppliesTheEnvironmentFileAndABadValueKeepsTheRunningWorkers() throws {
        let file = NSTemporaryDirectory() + "gerbang-env-\(UUID().uuidString)"
        defer { unlink(file) }
        try "# nobody may read /metrics\nMETRICS_ALLOW=\n".write(toFile: file, atomically: true, encoding: .utf8)
        let server = try Self.supervisor([EnvironmentFile.variable: file])
        defer { server.stop() }
        #expect(try TestHTTPClient.request(port: server.port, path: "/metrics").status == 404)

        let before = server.workerPIDs
        try "METRICS_ALLOW=nonsense\n".write(toFile: file, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        try eventually(within: .seconds(5)) { server.log.contains("METRICS_ALLOW: nonsense is not an IP address") }
        #expect(server.log.contains("the running workers stay"))
        #expect(server.workerPIDs == before)

        try "METRICS_ALLOW='127.0.0.1/32'\n".write(toFile: file, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        try eventually(within: .seconds(30)) {
            let now = server.workerPIDs
            return now.count == Self.workers && now.isDisjoint(with: before)
        }
        #expect(try TestHTTPClient.request(port: server.port, path: "/metrics").status == 200)
    }

    @Test func sigtermStopsEveryWorkerAndTheSupervisorLeavingNoOrphan() throws {
        let server = try Self.supervisor()
        let workers = server.workerPIDs
        #expect(server.stop() == 0)
        for worker in workers { #expect(!GerbangProcess.isRunning(worker), "worker \(worker) outlived its supervisor") }
        #expect(server.log.contains("SIGTERM: stopping \(Self.workers) workers"))
        #expect(throws: (any Error).self) { try TestHTTPClient.request(port: server.port, path: "/healthz") }
    }

    @Test func workersStopWhenTheirSupervisorIsKilled() throws {
        let server = try Self.supervisor()
        let workers = server.workerPIDs
        server.kill()
        try eventually(within: .seconds(5)) { workers.allSatisfy { !GerbangProcess.isRunning($0) } }
    }

    @Test func rateLimitsUsageCountsAndCacheInvalidationStayExactAcrossWorkers() throws {
        typealias S = RateLimitServers
        let server = try Self.supervisor(S.environment.merging(["RATE_LIMITS": "on", "USAGE_FLUSH_SECONDS": "1"]) { $1 })
        defer { server.stop() }
        let pids = server.workerPIDs.sorted()
        let first = try server.connection(onWorker: pids[0])
        let second = try server.connection(onWorker: pids[1])

        // As between two instances: the starter tier's 4 requests, counted down across both workers.
        let starter = try S.tenant(tier: "starter")
        for (index, client) in [first, second, first, second].enumerated() {
            let response = try client.get("/", host: starter.host)
            #expect(response.status == 200)
            #expect(response.headers["X-RateLimit-Remaining"] == String(3 - index))
        }
        for client in [second, first] {
            let refused = try client.get("/", host: starter.host)
            #expect(refused.status == 429)
            #expect(Int(refused.headers["Retry-After"] ?? "") ?? 0 > 0)
        }

        // Page views counted by two workers add up in one row, once.
        let counted = try S.tenant(tier: "enterprise")
        for client in [first, first, first, second, second] {
            #expect(try client.get("/", host: counted.host).status == 200)
        }
        let period = UsageMonth(containing: Date()).description
        try eventually(within: .seconds(10)) { try UsageTests.usage(counted.id, period)?.pageViews == 5 }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try UsageTests.usage(counted.id, period)?.pageViews == 5, "nothing counted twice by later flushes")

        // A rebrand in the database reaches both workers' caches within a second.
        try TestDatabase.owner.query(
            "update tenant_branding set display_name = 'Rebranded Across Workers', version = version + 1 where tenant_id = $1",
            counted.id)
        for client in [first, second] {
            try eventually { try client.get("/", host: counted.host).text.contains("Rebranded Across Workers") }
        }
        #expect(server.worker(holdingClientPort: first.localPort) == pids[0])
        #expect(server.worker(holdingClientPort: second.localPort) == pids[1])
    }
}
