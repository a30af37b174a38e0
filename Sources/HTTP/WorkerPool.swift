import Dispatch
import Foundation
import Synchronization

/// A fixed set of threads that run responders, which may block on PostgreSQL, away from the event loops.
///
/// The queue has no length cap of its own: each connection has at most one request in flight,
/// so `maxConnections` bounds it.
final class WorkerPool: Sendable {
    private struct Queue: ~Copyable {
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        var isShutDown = false
    }

    private let queue = Mutex(Queue())
    private let available = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private let threadCount: Int

    init(threads: Int, name: String = "gerbang-worker") {
        threadCount = max(1, threads)
        for index in 0..<threadCount {
            finished.enter()
            let thread = Thread { [self] in
                runJobs()
                finished.leave()
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    func submit(_ job: @escaping @Sendable () -> Void) {
        let accepted = queue.withLock { queue in
            guard !queue.isShutDown else { return false }
            queue.jobs.append(job)
            return true
        }
        if accepted { available.signal() }
    }

    /// Lets queued jobs finish, then ends the threads. Returns false if they were still busy at the deadline;
    /// those threads end on their own when their responder returns.
    @discardableResult
    func shutDown(deadline: DispatchTime) -> Bool {
        let alreadyShutDown = queue.withLock { queue in
            defer { queue.isShutDown = true }
            return queue.isShutDown
        }
        if !alreadyShutDown {
            for _ in 0..<threadCount { available.signal() }
        }
        return finished.wait(timeout: deadline) == .success
    }

    private func runJobs() {
        while true {
            available.wait()
            let next: (@Sendable () -> Void)? = queue.withLock { queue in
                guard queue.head < queue.jobs.count else { return nil }
                let job = queue.jobs[queue.head]
                queue.head += 1
                if queue.head > 64, queue.head * 2 > queue.jobs.count {
                    queue.jobs.removeFirst(queue.head)
                    queue.head = 0
                }
                return job
            }
            guard let next else { return }
            next()
        }
    }
}
