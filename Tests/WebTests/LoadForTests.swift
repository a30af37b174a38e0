import Foundation
import Synchronization
import TestSupport

/// A bounded, wrk-like load on a port: `connections` threads, each sending requests one after another,
/// each on a fresh connection (`Connection: close`), until `stop()`. A request fails when it cannot
/// connect, gets no complete answer, or gets a 5xx; each failure is kept with its time.
final class LoadForTests: Sendable {
    struct Tally: Sendable {
        var answered = 0
        var failures: [(at: ContinuousClock.Instant, what: String)] = []
    }

    private let tally = Mutex(Tally())
    private let stopping = Atomic<Bool>(false)
    private let threads = DispatchGroup()

    init(port: Int, requests: [(path: String, host: String)], connections: Int = 4) {
        for client in 0..<connections {
            threads.enter()
            let thread = Thread { [self] in
                var round = client
                while !stopping.load(ordering: .relaxed) {
                    let (path, host) = requests[round % requests.count]
                    round += 1
                    do {
                        let response = try TestHTTPClient.request(port: port, path: path, host: host)
                        if response.status >= 500 {
                            record(failure: "\(path): \(response.status)")
                        } else {
                            tally.withLock { $0.answered += 1 }
                        }
                    } catch {
                        record(failure: "\(path): \(error)")
                    }
                }
                threads.leave()
            }
            thread.start()
        }
    }

    private func record(failure: String) {
        let now = ContinuousClock.now
        tally.withLock { $0.failures.append((now, failure)) }
    }

    var answered: Int { tally.withLock { $0.answered } }

    /// Stops every thread after its request in flight, and returns what happened.
    func stop() -> Tally {
        stopping.store(true, ordering: .relaxed)
        threads.wait()
        return tally.withLock { $0 }
    }
}
