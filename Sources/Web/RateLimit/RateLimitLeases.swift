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
///
/// A refusal is remembered too, until its `Retry-After`: a client that keeps hammering is refused from
/// memory, which costs less than serving a page, and its refused requests are not written to the
/// shared count, so they never eat into what the tenant's other visitors may use.
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
    /// What one key costs in either table, roughly: the key (tenant id, rule, client address), the
    /// entry and its dictionary slot.
    static let entryBytes = 256

    /// Keys per table. Past it, expired entries go; if every entry is live (a flood from many
    /// addresses), the table starts over rather than grow.
    private let capacity: Int

    private let leases = Mutex<[String: Lease]>([:])
    /// Read by every request of a refused client, from every worker at once: a mutex here made a flood's
    /// refusals queue behind each other, so readers share the lock.
    private let refusals = ReadWriteLock<[String: (until: ContinuousClock.Instant, decision: RateLimitDecision)]>([:])

    /// Takes one request from a live lease of this key, or repeats a refusal still in force, and says
    /// what the count is now.
    /// - Parameter memory: the bytes both tables may hold together.
    init(memory: Int) {
        capacity = max(256, memory / 2 / Self.entryBytes)
    }

    func take(_ rule: RateLimitRule, window: Double) -> RateLimitDecision? {
        let now = ContinuousClock.now
        if let refusal = refusals.withReadLock({ $0[rule.key] }) {
            if refusal.until > now, refusal.decision.rule == rule { return refusal.decision }
            refusals.withWriteLock { _ = $0.removeValue(forKey: rule.key) }
        }
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

    /// The refusal of this rule still in force, if there is one; changes nothing.
    func refusal(of rule: RateLimitRule) -> RateLimitDecision? {
        guard let refusal = refusals.withReadLock({ $0[rule.key] }), refusal.until > .now, refusal.decision.rule == rule
        else { return nil }
        return refusal.decision
    }

    /// Whether `take` would answer from a live lease now (not from a remembered refusal); changes nothing.
    func hasRequestLeft(for rule: RateLimitRule, window: Double) -> Bool {
        let windowStart = Self.windowStart(window: window)
        let now = ContinuousClock.now
        return leases.withLock { leases in
            guard let lease = leases[rule.key] else { return false }
            return lease.windowStart == windowStart && lease.expires > now && lease.used < lease.granted
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
            if leases.count >= capacity {
                let now = ContinuousClock.now
                leases = leases.filter { $0.value.expires > now }
                if leases.count >= capacity { leases.removeAll(keepingCapacity: true) }
            }
            leases[rule.key] = lease
        }
    }

    /// Remembers a refusal the database just decided, until the client may try again. The repeated
    /// decision is no longer the episode's first, so the audit keeps one row per episode.
    func remember(refusal decision: RateLimitDecision) {
        guard !decision.isAllowed else { return }
        let repeated = RateLimitDecision(
            rule: decision.rule, estimate: max(decision.estimate, Double(decision.rule.limit) + 2),
            elapsed: decision.elapsed, window: decision.window, currentHits: decision.currentHits)
        let until = ContinuousClock.now + .seconds(decision.retryAfterSeconds)
        refusals.withWriteLock { refusals in
            if refusals.count >= capacity {
                let now = ContinuousClock.now
                refusals = refusals.filter { $0.value.until > now }
                if refusals.count >= capacity { refusals.removeAll(keepingCapacity: true) }
            }
            refusals[decision.rule.key] = (until, repeated)
        }
    }

    /// The fixed window this moment falls in, by this machine's clock; only used to end a lease at
    /// the window's end, the database's clock still decides which row a hit is counted in.
    private static func windowStart(window: Double) -> Double {
        let now = Date().timeIntervalSince1970
        return (now / window).rounded(.down) * window
    }
}
