import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real `gerbang serve` process on a free port, against the test database.
///
/// Started through `ChildProcess` (posix_spawn with an empty signal mask): with Foundation's `Process`
/// the server inherited the test runner's blocked signals and could ignore SIGTERM.
final class GerbangProcess: @unchecked Sendable {
    private let child: ChildProcess
    private(set) var port = 0
    private let lock = NSLock()
    private var exitStatus: Int32?

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var executablePath: String {
        if let path = ProcessInfo.processInfo.environment["GERBANG_BIN"] { return path }
        return repositoryRoot + "/.build/debug/gerbang"
    }

    /// What every test server runs with on top of the test runner's own environment (`DATABASE_URL`,
    /// `SECRETS_KEY`…), `overrides` applied: the processes and the in-process application alike.
    static func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        let root = repositoryRoot
        var environment = [
            "PORT": "0", "BIND": "127.0.0.1", "BASE_DOMAIN": "localhost",
            "PUBLIC_DIR": root + "/Public", "CONTENT_DIR": root + "/content", "MIGRATIONS_DIR": root + "/db/migrations",
            "EVENT_LOOPS": "2", "WORKERS": "8", "DB_POOL_SIZE": "4", "GERBANG_EXIT_WITH_PARENT": "1",
            // Only the WhatsApp delivery tests send the outbox: any other server would take their
            // messages (every sender serves every tenant) and post them where no fake listens.
            "WHATSAPP_SEND": "false",
            // Every test's requests come from 127.0.0.1; only the rate-limit tests divide a tenant's limit.
            "RATE_LIMIT_CLIENT_SHARE": "100",
            // The built-in gateway pays without money: a development tool, on for tests as for `make run`.
            "SANDBOX_GATEWAY": "true",
            // One process, no supervisor: the hundred tests that start a server stay cheap on two cores.
            // WorkerProcessTests start supervisors with several workers.
            "WORKER_PROCESSES": "1",
            // Only VoucherStateSweepTests retire expired codes, at a grace period of their choosing: a
            // server's own sweep must not retire a code another test has merely back-dated.
            "EXPIRED_CODE_GRACE_HOURS": "87600",
            // Only IsolationTests isolate subscribers, each its own tenant's: a server's own sweep would
            // isolate other tests' subscribers whose invoices they back-date.
            "ISOLATION_SWEEP_MINUTES": "0",
            // Only the billing tests invoice, for their own tenants and at the dates they choose: a server's
            // own run would invoice every other test's subscribers.
            "BILLING_RUN": "false",
        ]
        for (key, value) in overrides { environment[key] = value }
        return environment
    }

    /// Starts the server and waits until it says where it listens: with `unsetting` left out of its
    /// environment, and on `cpu` alone (through `taskset`) when one is given.
    init(
        environment overrides: [String: String] = [:], unsetting: Set<String> = [], arguments: [String] = ["serve"],
        cpu: Int? = nil
    ) throws {
        let environment = Self.environment(overrides).filter { !unsetting.contains($0.key) }
        child =
            if let cpu {
                try ChildProcess("/usr/bin/taskset", ["-c", String(cpu), Self.executablePath] + arguments, environment: environment)
            } else {
                try ChildProcess(Self.executablePath, arguments, environment: environment)
            }

        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let seen = child.output
            if let range = seen.range(of: #"listening on [^ ]+:(\d+)"#, options: .regularExpression) {
                port = Int(seen[range].split(separator: ":").last!)!
                return
            }
            var status: Int32 = 0
            if waitpid(child.pid, &status, WNOHANG) == child.pid { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let output = child.output
        child.stop()
        throw ProcessStartFailure(output: output)
    }

    var pid: pid_t { child.pid }

    /// Everything the server wrote so far (access log, errors).
    var log: String { child.output }

    /// Sends a signal without waiting.
    func signal(_ number: Int32) {
        Glibc.kill(child.pid, number)
    }

    /// Waits for the process to end; its exit status (-1 when a signal ended it).
    @discardableResult
    func waitForExit() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let exitStatus { return exitStatus }
        let status = child.wait()
        exitStatus = status
        return status
    }

    /// SIGTERM, then the exit status.
    @discardableResult
    func stop() -> Int32 {
        lock.lock()
        let done = exitStatus
        lock.unlock()
        if let done { return done }
        signal(SIGTERM)
        return waitForExit()
    }

    func kill() {
        signal(SIGKILL)
        waitForExit()
    }

    deinit {
        lock.lock()
        let running = exitStatus == nil
        lock.unlock()
        if running { kill() }
        unlink(child.outputPath)
    }
}

extension GerbangProcess {
    /// Runs `scripts/<name>` and reads the `KEY=value` lines it prints (the helper scripts' eval-able
    /// answer); a failing script throws with everything it wrote.
    static func runScript(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> [String: String]
    {
        let (status, output) = try ChildProcess.run(repositoryRoot + "/scripts/" + name, arguments, environment: environment)
        guard status == 0 else { throw TestSupportError("scripts/\(name) \(arguments.first ?? "") failed:\n\(output)") }
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        return values
    }
}

struct ProcessStartFailure: Error, CustomStringConvertible {
    let output: String
    var description: String { "gerbang did not start:\n\(output)" }
}
