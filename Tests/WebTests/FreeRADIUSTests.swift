import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing
import TestSupport

/// A real FreeRADIUS 3 (started by `scripts/freeradius.sh` once per test process, on loopback)
/// reading the test database: a voucher bought through a signed webhook logs in with its profile's
/// rate limit; an unknown code does not.
@Suite(.serialized) struct FreeRADIUSTests {
    typealias F = StoreFixtures

    struct Server: Sendable {
        let authPort: Int
        let secret: String
        let log: String

        var logTail: String {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? "(no log at \(log))"
            return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(60).joined(separator: "\n")
        }
    }

    /// Started once; it stops by itself when this test process exits (RADIUS_WATCH_PID).
    static let server: Result<Server, TestSupportError> = start()

    static func start() -> Result<Server, TestSupportError> {
        do {
            let url = try TestEnvironment.require("DATABASE_URL")
            guard let port = URLComponents(string: url)?.port else {
                return .failure(TestSupportError("DATABASE_URL has no port: \(url)"))
            }
            let directory = NSTemporaryDirectory() + "gerbang-freeradius-\(getpid())"
            let (status, output) = try run(
                GerbangProcess.repositoryRoot + "/scripts/freeradius.sh", ["start", directory, String(port)],
                environment: ["RADIUS_WATCH_PID": String(getpid()), "RADIUS_SECRET": "gerbang-test-" + RandomCode.make(8)])
            guard status == 0 else { return .failure(TestSupportError("scripts/freeradius.sh start failed:\n\(output)")) }
            var values: [String: String] = [:]
            for line in output.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { values[parts[0]] = parts[1] }
            }
            guard let auth = values["RADIUS_AUTH_PORT"].flatMap(Int.init), let secret = values["RADIUS_SECRET"],
                let log = values["RADIUS_LOG"]
            else { return .failure(TestSupportError("unexpected output from scripts/freeradius.sh:\n\(output)")) }
            return .success(Server(authPort: auth, secret: secret, log: log))
        } catch let error as TestSupportError {
            return .failure(error)
        } catch {
            return .failure(TestSupportError("\(error)"))
        }
    }

    /// Runs a program to completion; standard output and error together (through a file).
    ///
    /// `posix_spawn` and `waitpid` rather than Foundation's `Process`, whose exit monitoring was seen
    /// to miss the exit of a short script here; and with an empty signal mask, because the test runner
    /// blocks signals that FreeRADIUS (started by the script) must be able to receive.
    static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, output: String)
    {
        let outputPath = NSTemporaryDirectory() + "gerbang-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        let environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TestSupportError("could not start \(path): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS, spelled out (they are C macros).
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        return (exitStatus, output)
    }

    static func radtest(_ user: String, _ password: String, on server: Server) throws -> String {
        let radtest = FileManager.default.isExecutableFile(atPath: "/usr/bin/radtest") ? "/usr/bin/radtest" : "/usr/local/bin/radtest"
        return try run(radtest, [user, password, "127.0.0.1:\(server.authPort)", "0", server.secret]).output
    }

    @Test func purchasedVoucherCodeIsAcceptedWithItsProfilesRateLimit() throws {
        let server = try Self.server.get()
        let secret = RandomCode.make(32)
        let tenant = try F.tenant(provider: "sandbox", settings: ["secret": secret])
        var profile = F.Profile()
        profile.downloadKbps = 3_072
        profile.uploadKbps = 768
        let order = try F.order(
            tenantID: tenant.id, profileID: try F.profile(tenantID: tenant.id, profile), gatewayID: tenant.gatewayID,
            provider: "sandbox", quantity: 1)
        let body = try F.sandboxBody(reference: order.number, status: "paid", amount: order.amount)
        let paid = try F.deliver(
            "sandbox", body: body, headers: [("X-Sandbox-Signature", try F.hmacSHA256Hex(key: secret, message: body))])
        try #require(paid.status == 200, "webhook answered \(paid.status): \(paid.text)")
        let code = try #require(
            try F.owner.query("select code from vouchers where order_id = $1", order.id).first?.decode("code", as: String.self))

        let reply = try Self.radtest(code, code, on: server)
        #expect(reply.contains("Received Access-Accept"), "radtest:\n\(reply)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(reply.contains("Mikrotik-Rate-Limit = \"768k/3072k\""), "radtest:\n\(reply)")
        #expect(reply.contains("Session-Timeout = 10800"), "radtest:\n\(reply)")

        let wrongPassword = try Self.radtest(code, code + "X", on: server)
        #expect(wrongPassword.contains("Received Access-Reject"), "radtest:\n\(wrongPassword)")
    }

    @Test func unknownCodeIsRejected() throws {
        let server = try Self.server.get()
        let code = RandomCode.make(10)
        let reply = try Self.radtest(code, code, on: server)
        #expect(reply.contains("Received Access-Reject"), "radtest:\n\(reply)\nFreeRADIUS log:\n\(server.logTail)")
        #expect(!reply.contains("Received Access-Accept"))
    }
}
