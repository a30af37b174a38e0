import Foundation
import TestSupport
import Testing

@Suite struct ProcessLifecycleTests {
    @Test func healthAndReadinessAnswerOnEveryHost() throws {
        for host in ["localhost", "unknown.example", "127.0.0.1"] {
            let health = try SharedServer.get("/healthz", host: host)
            #expect(health.status == 200 && health.text == "ok\n")
            let ready = try SharedServer.get("/readyz", host: host)
            #expect(ready.status == 200 && ready.text == "ready\n")
        }
    }

    @Test func readinessFailsWhileAMigrationIsPending() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = GerbangProcess.repositoryRoot + "/db/migrations"
        for file in try FileManager.default.contentsOfDirectory(atPath: source) {
            try FileManager.default.copyItem(atPath: "\(source)/\(file)", toPath: directory.appendingPathComponent(file).path)
        }
        try "select 1;".write(to: directory.appendingPathComponent("9999_not_yet.sql"), atomically: true, encoding: .utf8)
        let server = try GerbangProcess(environment: ["MIGRATIONS_DIR": directory.path])
        defer { server.stop() }
        let ready = try TestHTTPClient.request(port: server.port, path: "/readyz")
        #expect(ready.status == 503)
        #expect(try TestHTTPClient.request(port: server.port, path: "/healthz").status == 200)
    }

    @Test func staticAssetsHaveTypesETagsAndNoEscape() throws {
        let css = try SharedServer.get("/assets/css/site.css", host: "localhost")
        #expect(css.status == 200)
        #expect(css.headers["Content-Type"] == "text/css; charset=utf-8")
        let etag = try #require(css.headers["ETag"])
        #expect(try SharedServer.get("/assets/css/site.css", host: "localhost", headers: [("If-None-Match", etag)]).status == 304)
        for path in ["/assets/../Package.swift", "/assets/%2e%2e/Package.swift", "/assets/css%2f..%2f..%2fPackage.swift", "/assets/%00"] {
            let response = try SharedServer.get(path, host: "localhost")
            #expect([400, 404].contains(response.status), "\(path) gave \(response.status)")
            #expect(!response.text.contains("PackageDescription"))
        }
    }

    @Test func sigtermFinishesTheRequestInFlightRefusesNewOnesAndExitsZero() throws {
        let server = try GerbangProcess()
        let client = try TestHTTPClient(port: server.port)
        // Headers are in, the body is half sent: the request is in flight when the signal arrives.
        try client.send("POST /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n12345")
        Thread.sleep(forTimeInterval: 0.2)
        server.signal(SIGTERM)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(throws: (any Error).self) { try TestHTTPClient.request(port: server.port, path: "/healthz") }
        try client.send("67890")
        let response = try client.readResponse()
        #expect(response.status == 405)
        #expect(server.waitForExit() == 0)
    }

    /// A process pinned to one core (`taskset`, a container's cpuset) runs one event loop, not one per
    /// CPU of the machine, which would take turns on that core, each request waiting out their slices.
    @Test(.enabled(if: allowedCPUs().count > 1))
    func aProcessPinnedToOneCoreRunsOneEventLoop() throws {
        let cpus = allowedCPUs()
        let pinned = try GerbangProcess(unsetting: ["EVENT_LOOPS"], cpu: cpus.last)
        defer { pinned.stop() }
        #expect(pinned.log.contains(", 1 event loop, "), "\(pinned.log)")
        let unpinned = try GerbangProcess(unsetting: ["EVENT_LOOPS"])
        defer { unpinned.stop() }
        #expect(unpinned.log.contains(", \(cpus.count) event loops, "), "\(unpinned.log)")
    }

    /// Two handler threads and two connections a core, at least four of each: on two cores, four in
    /// flight paid more webhooks a second than eight (docs/BENCHMARKS.md).
    @Test func handlerThreadsAndConnectionsDefaultToTwoACore() throws {
        let defaults: Set<String> = ["EVENT_LOOPS", "WORKERS", "DB_POOL_SIZE"]
        let cpus = allowedCPUs()
        let pinned = try GerbangProcess(unsetting: defaults, cpu: cpus.last)
        defer { pinned.stop() }
        #expect(pinned.log.contains(", 1 event loop, 4 workers, 4 database connections"), "\(pinned.log)")
        let unpinned = try GerbangProcess(unsetting: defaults)
        defer { unpinned.stop() }
        let each = max(4, 2 * cpus.count)
        #expect(unpinned.log.contains(" \(each) workers, \(each) database connections"), "\(unpinned.log)")
    }

    @Test func aBadConfigurationValueStopsStartWithAClearMessage() throws {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: GerbangProcess.executablePath)
        process.arguments = ["serve"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["PORT": "eighty", "WORKERS": "0", "TRUSTED_PROXIES": "10.0.0.0/8, not-an-ip"]) { $1 }
        process.standardError = output
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(text.contains("PORT=eighty"))
        #expect(text.contains("WORKERS=0"))
        #expect(text.contains("not-an-ip"))
    }

    @Test func aTakenPortIsReportedClearly() throws {
        let first = try GerbangProcess()
        defer { first.stop() }
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: GerbangProcess.executablePath)
        process.arguments = ["serve"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            [
                "PORT": "\(first.port)", "BIND": "127.0.0.1", "CONTENT_DIR": GerbangProcess.repositoryRoot + "/content",
                "PUBLIC_DIR": GerbangProcess.repositoryRoot + "/Public", "MIGRATIONS_DIR": GerbangProcess.repositoryRoot + "/db/migrations",
            ]) { $1 }
        process.standardError = output
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(text.contains("already in use"))
    }
}

/// The CPUs this test process may run on, from `Cpus_allowed_list` ("0-3,6"), read independently of
/// the server's own count.
private func allowedCPUs() -> [Int] {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") })
    else { return [] }
    var cpus: [Int] = []
    for part in line.dropFirst("Cpus_allowed_list:".count).split(separator: ",") {
        let bounds = part.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let first = bounds.first else { continue }
        cpus += Array(first...(bounds.last ?? first))
    }
    return cpus
}
