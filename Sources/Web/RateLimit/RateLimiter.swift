import Foundation
import Postgres
import Synchronization

/// A sliding-window rate limiter whose counts live in PostgreSQL, so every instance behind the
/// proxy counts against the same numbers.
///
/// Design: a sliding-window counter over two fixed windows. Time is cut into fixed windows of
/// `window` seconds by the database's clock (one clock for all instances); each rule's key has one
/// row per window (`rate_limit_counters`). A check is one statement: it adds this request to the
/// current window's row (`insert … on conflict do update … returning`, atomic under concurrency)
/// and reads the previous window's row. The estimate is `current + previous × (part of the sliding
/// window that still overlaps the previous fixed window)`; a request passes while the estimate is
/// at most the limit. Within one window with no earlier traffic the count is exact, so the N-th
/// request passes and the (N+1)-th is refused. The refusal that finds the limit is counted; later
/// ones are answered from memory until `Retry-After` (see `RateLimitLeases`) and are not.
///
/// Rows older than two of the longest allowed windows are read by no process, whatever its window;
/// they are deleted now and then by whichever instance gets there first.
final class RateLimiter: Sendable {
    let database: PostgresPool
    let settings: RateLimitSettings
    private let nextPurge = Mutex<ContinuousClock.Instant>(.now)
    private let leases: RateLimitLeases

    /// - Parameter memory: the bytes its leases and remembered refusals may hold.
    init(database: PostgresPool, settings: RateLimitSettings, memory: Int = CacheBudget.standard.rateLimits) {
        self.database = database
        self.settings = settings
        leases = RateLimitLeases(memory: memory)
    }

    private var windowSeconds: Int { max(1, Int(settings.window.components.seconds)) }

    /// Counts one request against each rule (distinct keys): from a live lease in memory where there
    /// is one (`RateLimitLeases`), else in one round trip for all the others.
    func check(_ rules: [RateLimitRule]) throws -> [RateLimitDecision] {
        guard !rules.isEmpty else { return [] }
        let window = Double(windowSeconds)
        var decisions: [RateLimitDecision] = []
        var counted: [String: (rule: RateLimitRule, size: Int)] = [:]
        for rule in rules where counted[rule.key] == nil {
            if let decision = leases.take(rule, window: window) {
                decisions.append(decision)
            } else {
                counted[rule.key] = (rule, leases.nextSize(for: rule))
            }
        }
        guard !counted.isEmpty else { return decisions }
        purgeIfDue()
        let keys = Array(counted.keys)
        // Not tenant data (keys for the webhook and head office exist before any tenant is known),
        // and it must stay one statement: straight on the pool, outside any scope.
        let rows = try database.query(
            """
            with hit as (
                insert into rate_limit_counters as c (bucket_key, window_start, hits)
                select key, to_timestamp((floor(extract(epoch from now()) / $2::int) * $2::int)::double precision), size
                from unnest($1::text[], $3::int[]) as lease(key, size)
                on conflict (bucket_key, window_start) do update set hits = c.hits + excluded.hits
                returning c.bucket_key, c.window_start, c.hits
            )
            select hit.bucket_key, hit.hits, coalesce(previous.hits, 0) as previous_hits,
                   extract(epoch from now() - hit.window_start)::double precision as elapsed
            from hit left join rate_limit_counters previous
              on previous.bucket_key = hit.bucket_key
             and previous.window_start = hit.window_start - make_interval(secs => $2::int)
            """, keys, windowSeconds, keys.map { counted[$0]!.size })
        for row in rows {
            guard let (rule, size) = counted[try row.decode("bucket_key", as: String.self)] else { continue }
            let hits = try row.decode("hits", as: Int.self)
            let previous = try row.decode("previous_hits", as: Int.self)
            let elapsed = min(window, max(0, try row.decode("elapsed", as: Double.self)))
            let estimate = Double(previous) * (window - elapsed) / window + Double(hits)
            leases.store(rule, size: size, estimateAfter: estimate, elapsed: elapsed, window: window)
            // This request is one of the `size` just counted; the rest wait in the lease.
            let unused = Double(size - 1)
            let decision = RateLimitDecision(
                rule: rule, estimate: estimate - unused, elapsed: elapsed, window: window, currentHits: hits - (size - 1))
            leases.remember(refusal: decision)
            decisions.append(decision)
        }
        return decisions
    }

    /// The first of `rules` whose refusal is remembered and still in force; counts nothing.
    func rememberedRefusal(_ rules: [RateLimitRule]) -> RateLimitDecision? {
        for rule in rules { if let refusal = leases.refusal(of: rule) { return refusal } }
        return nil
    }

    /// Whether every rule has a live lease with a request left; takes nothing.
    func hasLeasedRequests(for rules: [RateLimitRule]) -> Bool {
        let window = Double(windowSeconds)
        return rules.allSatisfy { leases.hasRequestLeft(for: $0, window: window) }
    }

    /// One request taken from each rule's live lease, or nil, taking none, when a rule has none left.
    /// Another thread may take a lease's last request between the look and the take; then the requests
    /// already taken stay counted and the caller counts again in the database: a request counted twice
    /// can only bring a refusal early, never let one more through.
    func takeFromLeases(_ rules: [RateLimitRule]) -> [RateLimitDecision]? {
        guard hasLeasedRequests(for: rules) else { return nil }
        let window = Double(windowSeconds)
        var decisions: [RateLimitDecision] = []
        for rule in rules {
            guard let decision = leases.take(rule, window: window), decision.isAllowed else { return nil }
            decisions.append(decision)
        }
        return decisions
    }

    /// Deletes windows no check reads any more, at most once per window per instance.
    private func purgeIfDue() {
        let due = nextPurge.withLock { next in
            guard ContinuousClock.now >= next else { return false }
            next = .now + settings.window
            return true
        }
        guard due else { return }
        do {
            try database.query(
                "delete from rate_limit_counters where window_start < now() - make_interval(secs => $1::int * 2)",
                RateLimitSettings.longestWindowSeconds)
        } catch {
            Log.warning("rate-limit purge failed: \(error)")
        }
    }
}
