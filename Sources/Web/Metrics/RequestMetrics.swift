import HTTP
import Synchronization

/// Requests answered, by method, route pattern and status, and their durations by route pattern.
///
/// Labels come from the route table, never from raw paths, so the number of series is bounded by
/// the routes the code registers however many distinct URLs the Internet sends.
///
/// Counts are spread over several locks (`Striped`) and summed on scrape.
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

    private let stripes = Striped(Snapshot())

    func record(method: HTTPMethod, route: String, status: Int, seconds: Double) {
        stripes.withSomeStripe { state in
            state.counts[Series(method: method, route: route, status: status), default: 0] &+= 1
            state.latency[route, default: LatencyHistogram()].observe(seconds: seconds)
        }
    }

    /// The sum of the stripes, each held only as long as its copy takes.
    var snapshot: Snapshot {
        var total = Snapshot()
        for part in stripes.map({ $0 }) {
            total.counts.merge(part.counts, uniquingKeysWith: +)
            total.latency.merge(part.latency) { $0.adding($1) }
        }
        return total
    }
}
