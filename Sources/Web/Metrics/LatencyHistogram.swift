/// Request durations counted into fixed buckets, the shape Prometheus histograms expect.
///
/// The bounds are chosen around the targets (a home page under 5 ms at p99) and the slow tail of a
/// gateway call; they never change at run time, so every series has the same buckets.
struct LatencyHistogram: Sendable {
    /// Upper bounds in seconds, ascending; one more bucket after them counts everything slower.
    static let bounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Per bucket, not cumulative: recording touches one slot; `cumulativeCounts` adds up on scrape.
    private(set) var counts = [UInt64](repeating: 0, count: bounds.count + 1)
    private(set) var count: UInt64 = 0
    private(set) var sum: Double = 0

    mutating func observe(seconds: Double) {
        var index = 0
        while index < Self.bounds.count, seconds > Self.bounds[index] { index += 1 }
        counts[index] &+= 1
        count &+= 1
        sum += seconds
    }

    /// Both histograms' observations together (they share the bounds).
    func adding(_ other: LatencyHistogram) -> LatencyHistogram {
        var sum = self
        for index in counts.indices { sum.counts[index] &+= other.counts[index] }
        sum.count &+= other.count
        sum.sum += other.sum
        return sum
    }

    /// Observations at or under each bound, then the total for `+Inf`.
    var cumulativeCounts: [UInt64] {
        var running: UInt64 = 0
        return counts.map { count in
            running &+= count
            return running
        }
    }
}
