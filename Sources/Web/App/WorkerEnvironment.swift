/// The variables a supervisor adds to its workers' environment. Internal: an operator never sets them.
enum WorkerEnvironment {
    /// The supervisor's pid: this process is one of its workers, with the listener on descriptor 3.
    static let supervisor = "GERBANG_WORKER_OF"
    /// The supervisor's counters file, read by `/metrics`.
    static let countersFile = "GERBANG_SUPERVISOR_COUNTERS"
}
