import Dispatch
import Synchronization

/// Work repeated every `interval` on a serial queue of its own, for the background jobs (order expiry,
/// usage flushes). Starting twice changes nothing; after `stop` no further run begins.
final class RepeatingTimer: Sendable {
    let interval: Duration
    private let queue: DispatchQueue
    private let source = Mutex<(any DispatchSourceTimer)?>(nil)

    init(label: String, interval: Duration) {
        self.interval = interval
        queue = DispatchQueue(label: label)
    }

    /// Runs `work` every `interval`, the first time at once or after one interval.
    func start(immediately: Bool, _ work: @escaping @Sendable () -> Void) {
        source.withLock { source in
            guard source == nil else { return }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            let (seconds, attoseconds) = interval.components
            let period = DispatchTimeInterval.milliseconds(max(Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000), 10))
            timer.schedule(deadline: immediately ? .now() : .now() + period, repeating: period, leeway: .milliseconds(100))
            timer.setEventHandler(handler: work)
            timer.resume()
            source = timer
        }
    }

    func stop() {
        source.withLock { source in
            source?.cancel()
            source = nil
        }
    }

    /// Runs `work` on the timer's queue and waits, so it never overlaps a scheduled run.
    func runNow(_ work: () -> Void) {
        queue.sync(execute: work)
    }
}
