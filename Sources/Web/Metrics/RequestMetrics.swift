import HTTP
import Synchronization

/// Requests answered, by method, route pattern and status, and their durations by route pattern.
///
/// Labels come from the route table, never from raw paths, so the number of series is bounded by
/// the routes the code registers however many distinct URLs the Internet sends.
///
/// Counts are spread over several locks, taken in turn, and summed on scrape: with one lock, `perf`
/// under `make bench` showed the workers queueing on it (4.6 % of the server's samples in the
/// mutex's slow path). A round-robin pick makes two workers rarely want the same stripe.
final class RequestMetrics: Sendable {
    struct Series: Hashable, Sendable {
        let method: HTTPMethod
        let route: String
        let status: Int
    }

    struct Snapshot: Sendable {
        var counts: [Series: UInt64] = [:]
        var latency: [String: LatencyHistogram] = [:]
    }

    private final class Stripe: Sendable {
        let state = Mutex(Snapshot())
    }

    private let stripes: [Stripe] = (0..<16).map { _ in Stripe() }
    private let next = Atomic<UInt>(0)

    func record(method: HTTPMethod, route: String, status: Int, seconds: Double) {
        let index = Int(next.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(stripes.count))
        stripes[index].state.withLock { state in
            state.counts[Series(method: method, route: route, status: status), default: 0] &+= 1
            state.latency[route, default: LatencyHistogram()].observe(seconds: seconds)
        }
    }

    /// The sum of the stripes, each held only as long as its copy takes.
    var snapshot: Snapshot {
        var total = Snapshot()
        for stripe in stripes {
            let part = stripe.state.withLock { $0 }
            total.counts.merge(part.counts, uniquingKeysWith: +)
            total.latency.merge(part.latency) { $0.adding($1) }
        }
        return total
    }
}
