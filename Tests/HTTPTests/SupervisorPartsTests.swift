import Foundation
import Testing

@testable import HTTP

/// The supervisor's small decisions, without processes: how long to wait before a replacement, and the
/// counters file the workers read for `/metrics`.
@Suite struct SupervisorPartsTests {
    @Test func aWorkerThatLivedIsReplacedAtOnceAndOnlyACrashLoopWaitsLongerEachTimeUpToFiveSeconds() {
        var backoff = RestartBackoff()
        #expect(backoff.delay(afterLifetime: 3_600_000_000_000) == 0)
        #expect(backoff.delay(afterLifetime: 1_000_000_000) == 0, "the first quick death is replaced at once")
        var delays: [UInt64] = []
        for _ in 0..<12 { delays.append(backoff.delay(afterLifetime: 1_000_000)) }
        #expect(delays.prefix(4) == [100_000_000, 200_000_000, 400_000_000, 800_000_000])
        #expect(delays.allSatisfy { $0 <= 5_000_000_000 } && delays.last == 5_000_000_000)
        #expect(backoff.delay(afterLifetime: 60_000_000_000) == 0, "a worker that lived ends the loop")
        #expect(backoff.delay(afterLifetime: 1_000_000) == 0)
    }

    @Test func theCountersFileReadsBackAndIgnoresWhatItDoesNotKnow() {
        var counters = SupervisorCounters()
        counters.starts = 7
        counters.exits = [.signal: 2, .replaced: 3]
        counters.reloads = 1
        counters.workers = 3
        #expect(
            SupervisorCounters(text: counters.text) == SupervisorCounters(text: counters.text + "worker_future 9\nworker_exits alien 4\n"))
        let read = SupervisorCounters(text: counters.text)
        #expect(read.starts == 7 && read.reloads == 1 && read.workers == 3)
        #expect(read.exits[.signal] == 2 && read.exits[.replaced] == 3 && read.exits[.exit] == 0)
        #expect(SupervisorCounters(text: "worker_starts -1\nworker_starts\n\u{0}") == SupervisorCounters())
    }

    @Test func exitStatusesAreDescribedAsAnOperatorReadsThem() {
        #expect(WorkerProcess.describe(status: 1 << 8) == ("exited with status 1", false))
        #expect(WorkerProcess.describe(status: 9) == ("killed by SIGKILL", true))
        #expect(WorkerProcess.describe(status: 4 | 0x80) == ("killed by SIGILL (core dumped)", true))
    }
}
