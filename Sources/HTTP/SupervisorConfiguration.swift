/// What a `ProcessSupervisor` runs and how.
public struct SupervisorConfiguration: Sendable {
    /// The program each worker runs, as a path that a deploy replaces (not `/proc/self/exe`, which keeps
    /// naming the old file), so SIGHUP starts the new binary.
    public var executable: String
    public var arguments: [String]
    /// The workers' whole environment; the supervisor adds nothing to it.
    public var environment: [String: String]
    public var workers: Int
    /// The listening socket every worker receives as `listenerDescriptor`.
    public var listener: Int32
    /// Where the counters for `/metrics` are kept (see `SupervisorCounters`).
    public var countersFile: String
    /// A new worker not ready by then is stopped (a SIGHUP then leaves the old ones serving).
    public var readinessTimeout: Duration = .seconds(60)
    /// After SIGTERM, how long workers may take to finish their requests before SIGKILL.
    public var stopGracePeriod: Duration = .seconds(15)
    /// Stop when the process that started the supervisor exits (a test harness that died).
    public var exitWithParent = false
    /// Called on SIGHUP: the environment for the new workers, or nil to keep the running workers (the
    /// closure says why). Without it, new workers get `environment` again.
    public var reloadEnvironment: (@Sendable () -> [String: String]?)?
    /// One line per event (starts, deaths, reloads); it carries pids and exit statuses.
    public var log: @Sendable (String) -> Void = { print($0) }

    /// Where a worker finds the shared listening socket and the pipe on which it says it is ready.
    public static let listenerDescriptor: Int32 = 3
    public static let readinessDescriptor: Int32 = 4

    public init(
        executable: String, arguments: [String], environment: [String: String], workers: Int, listener: Int32,
        countersFile: String
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workers = workers
        self.listener = listener
        self.countersFile = countersFile
    }
}
