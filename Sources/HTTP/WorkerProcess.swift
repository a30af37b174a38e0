import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One worker as the supervisor sees it: its pid, and until it is ready, the pipe it will write to.
struct WorkerProcess {
    let pid: pid_t
    let startedAt: UInt64
    /// The read end of the readiness pipe; nil once the worker said it is ready (or closed it).
    var readiness: Int32?
    var isReady = false
    /// Sent SIGTERM by the supervisor (replaced, or the supervisor stops): its end is no crash.
    var isRetiring = false

    /// Starts `configuration.executable` with the listener on descriptor 3 and a readiness pipe on 4, the
    /// default disposition and an empty mask for every signal the supervisor handles. A new process image,
    /// never a fork of this one: a fork of a multi-threaded process may hold a lock forever.
    static func spawn(_ configuration: SupervisorConfiguration) throws -> WorkerProcess {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw SocketError.lastError("pipe") }
        let readEnd = Descriptor.moveAbove(ends[0])
        let writeEnd = Descriptor.moveAbove(ends[1])
        defer { close(writeEnd) }
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, configuration.listener, SupervisorConfiguration.listenerDescriptor)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, SupervisorConfiguration.readinessDescriptor)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([configuration.executable] + configuration.arguments).map { strdup($0) } + [nil]
        let envp = configuration.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, configuration.executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(readEnd)
            throw SocketError("could not start \(configuration.executable): \(String(cString: strerror(spawned)))")
        }
        return WorkerProcess(pid: pid, startedAt: Monotonic.now(), readiness: readEnd)
    }

    /// Reads what the worker wrote: a byte means ready; end of file means it closed the pipe (or died) first.
    mutating func readReadiness() {
        guard let descriptor = readiness else { return }
        var byte: UInt8 = 0
        let count = read(descriptor, &byte, 1)
        if count < 0, errno == EAGAIN || errno == EINTR { return }
        isReady = count == 1
        close(descriptor)
        readiness = nil
    }

    /// Closes the readiness pipe of a worker that has gone.
    func release() {
        if let readiness { close(readiness) }
    }

    /// "exited with status 1", "killed by SIGKILL", from a `waitpid` status.
    static func describe(status: Int32) -> (text: String, bySignal: Bool) {
        let signal = status & 0x7f
        if signal == 0 { return ("exited with status \((status >> 8) & 0xff)", false) }
        return ("killed by \(name(ofSignal: signal))\(status & 0x80 != 0 ? " (core dumped)" : "")", true)
    }

    static func name(ofSignal number: Int32) -> String {
        let names: [Int32: String] = [
            SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGINT: "SIGINT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGHUP: "SIGHUP",
        ]
        return names[number] ?? "signal \(number)"
    }
}
