import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program started for a test with `posix_spawn` and an empty signal mask.
///
/// The test runner blocks signals (SIGTERM, SIGCHLD …) on its threads, and a child started with
/// Foundation's `Process` inherits that mask: FreeRADIUS then ignores SIGTERM, and chromedriver never
/// learns that Chromium started. Output goes to a file, so a full pipe can never stall the child.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    public let outputPath: String

    public init(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws {
        outputPath = NSTemporaryDirectory() + "gerbang-child-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log"
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

        let merged = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw TestSupportError("could not start \(path): error \(spawned)") }
        self.pid = pid
    }

    /// Runs a program to completion and returns its exit status and its output.
    public static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, output: String)
    {
        let child = try ChildProcess(path, arguments, environment: environment)
        let status = child.wait()
        return (status, child.output)
    }

    /// Waits for the exit; the exit status, or -1 when a signal ended it.
    @discardableResult
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out (they are C macros).
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }

    public var output: String {
        (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    /// SIGTERM, then SIGKILL if it has not gone within a second; reaps it and removes its output.
    public func stop() {
        kill(pid, SIGTERM)
        for _ in 0..<20 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                unlink(outputPath)
                return
            }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        wait()
        unlink(outputPath)
    }
}
