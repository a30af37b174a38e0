import Synchronization

/// What became of each attempt to deliver an outbox message, for `/metrics`.
final class NotificationMetrics: Sendable {
    enum Outcome: String, Sendable, CaseIterable {
        /// The provider took it.
        case sent
        /// The provider did not take it; it is tried again later.
        case retried
        /// The last attempt failed, or it waited longer than a day: given up.
        case failed
    }

    private let sent = Atomic<UInt64>(0)
    private let retried = Atomic<UInt64>(0)
    private let failed = Atomic<UInt64>(0)

    func record(_ outcome: Outcome) {
        switch outcome {
        case .sent: sent.wrappingAdd(1, ordering: .relaxed)
        case .retried: retried.wrappingAdd(1, ordering: .relaxed)
        case .failed: failed.wrappingAdd(1, ordering: .relaxed)
        }
    }

    func count(_ outcome: Outcome) -> UInt64 {
        switch outcome {
        case .sent: sent.load(ordering: .relaxed)
        case .retried: retried.load(ordering: .relaxed)
        case .failed: failed.load(ordering: .relaxed)
        }
    }
}
