import Foundation

/// What a supervisor counts about its workers, kept in a small file the workers read for `/metrics`:
/// the supervisor serves no requests, so its numbers reach a scrape through whichever worker answers it.
public struct SupervisorCounters: Sendable, Equatable {
    /// Why a worker process ended.
    public enum ExitReason: String, Sendable, CaseIterable {
        /// Killed by a signal the supervisor did not send (a trap, SIGKILL, the OOM killer).
        case signal
        /// Exited by itself, whatever its status.
        case exit
        /// Stopped by the supervisor: replaced on SIGHUP, or a new worker that never became ready.
        case replaced
    }

    public var starts: UInt64 = 0
    public var exits: [ExitReason: UInt64] = [:]
    public var reloads: UInt64 = 0
    /// Worker processes the supervisor keeps running.
    public var workers = 0

    public init() {}

    /// One `name value` or `name label value` line per number; unknown lines are skipped, so an older
    /// worker reading a newer supervisor's file still shows what it knows.
    public var text: String {
        var lines = ["worker_starts \(starts)", "supervisor_reloads \(reloads)", "worker_processes \(workers)"]
        for reason in ExitReason.allCases { lines.append("worker_exits \(reason.rawValue) \(exits[reason, default: 0])") }
        return lines.joined(separator: "\n") + "\n"
    }

    public init(text: String) {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let last = fields.last, let value = UInt64(last) else { continue }
            switch (fields.first, fields.count) {
            case ("worker_starts", 2): starts = value
            case ("supervisor_reloads", 2): reloads = value
            case ("worker_processes", 2): workers = Int(clamping: value)
            case ("worker_exits", 3):
                if let reason = ExitReason(rawValue: String(fields[1])) { exits[reason] = value }
            default: continue
            }
        }
    }

    /// Replaces the file in one rename, so a reader never sees half of it.
    func write(to path: String) {
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The counters in the file at `path`; nil when there is none (not a supervisor's worker).
    public static func read(from path: String) -> SupervisorCounters? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return SupervisorCounters(text: text)
    }
}
