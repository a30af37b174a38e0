import Foundation
import Synchronization

/// Requests an instance has already counted in PostgreSQL ahead of time, per rule key, so that most
/// requests are decided in memory and a busy tenant's pages cost no database write each.
///
/// A lease is taken with the same one-statement upsert a single request uses, but adds `size` hits
/// at once. Its size is an eighth of what was left at the last check, so near the limit every
/// instance leases one request at a time and the count stays exact at the boundary; far from it, one
/// statement covers dozens of requests. Leased requests are counted whether or not they are used,
/// so several instances together can only refuse early, never admit more than the limit. A lease
/// ends with its fixed window and after `maximumAge`, so the fading previous window and other
/// instances' traffic are read again soon.
final class RateLimitLeases: Sendable {
    struct Lease {
        let windowStart: Double
        let expires: ContinuousClock.Instant
        /// The sliding-window estimate before this lease's hits were added.
        let baseEstimate: Double
        let elapsedAtGrant: Double
        let granted: Int
        var used: Int
    }

    static let maximumAge: Duration = .seconds(1)
    static let largestLease = 64
    private static let capacity = 20_000

    private let leases = Mutex<[String: Lease]>([:])

    /// Takes one request from a live lease of this key, and says what the count is now.
    func take(_ rule: RateLimitRule, window: Double) -> RateLimitDecision? {
        let now = ContinuousClock.now
        let windowStart = Self.windowStart(window: window)
        return leases.withLock { leases -> RateLimitDecision? in
            guard var lease = leases[rule.key], lease.windowStart == windowStart, lease.expires > now,
                lease.used < lease.granted
            else { return nil }
            lease.used += 1
            leases[rule.key] = lease
            return RateLimitDecision(
                rule: rule, estimate: lease.baseEstimate + Double(lease.used), elapsed: lease.elapsedAtGrant,
                window: window, currentHits: Int(lease.baseEstimate.rounded(.up)) + lease.used)
        }
    }

    /// How many requests to count at once for this key: one until something is known of it.
    func nextSize(for rule: RateLimitRule) -> Int {
        leases.withLock { leases in
            guard let last = leases[rule.key] else { return 1 }
            let left = Double(rule.limit) - last.baseEstimate - Double(last.granted)
            return max(1, min(Self.largestLease, Int(left / 8)))
        }
    }

    /// Records a lease of `size` hits just counted in the database, of which this request used one.
    func store(_ rule: RateLimitRule, size: Int, estimateAfter: Double, elapsed: Double, window: Double) {
        let base = estimateAfter - Double(size)
        let usable = max(0, min(size, Int((Double(rule.limit) - base).rounded(.down))))
        let lease = Lease(
            windowStart: Self.windowStart(window: window), expires: .now + Self.maximumAge, baseEstimate: base,
            elapsedAtGrant: elapsed, granted: usable, used: min(1, usable))
        leases.withLock { leases in
            if leases.count >= Self.capacity {
                let now = ContinuousClock.now
                leases = leases.filter { $0.value.expires > now }
                if leases.count >= Self.capacity { leases.removeAll(keepingCapacity: true) }
            }
            leases[rule.key] = lease
        }
    }

    /// The fixed window this moment falls in, by this machine's clock; only used to end a lease at
    /// the window's end, the database's clock still decides which row a hit is counted in.
    private static func windowStart(window: Double) -> Double {
        let now = Date().timeIntervalSince1970
        return (now / window).rounded(.down) * window
    }
}
