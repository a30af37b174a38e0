import HTTP

/// What one counted request learned about one rule: whether it may pass, and the numbers the
/// `X-RateLimit-*` headers report.
///
/// The estimate is the sliding-window count: this window's hits (this request included) plus the
/// previous window's hits weighted by how much of the previous window the sliding window still covers.
struct RateLimitDecision: Sendable, Hashable {
    let rule: RateLimitRule
    let estimate: Double
    /// Seconds since the current fixed window began.
    let elapsed: Double
    let window: Double
    let currentHits: Int

    var isAllowed: Bool { estimate <= Double(rule.limit) }

    /// Requests left before a refusal (`X-RateLimit-Remaining`).
    var remaining: Int { max(0, rule.limit - Int(estimate.rounded(.up))) }

    /// Whole seconds until the current window ends and its count starts to fade (`X-RateLimit-Reset`).
    var resetSeconds: Int { max(1, Int((window - elapsed).rounded(.up))) }

    /// Whole seconds until one more request would pass, if none is sent meanwhile (`Retry-After`).
    /// Nothing more is counted meanwhile: after the refusal that found the limit, the next ones are
    /// answered from memory until this time has passed.
    var retryAfterSeconds: Int {
        let limit = Double(rule.limit)
        guard limit >= 1 else { return resetSeconds }
        let wait: Double
        if Double(currentHits) + 1 <= limit, estimate > Double(currentHits) {
            // Still room in this window once the previous window's weight fades enough.
            let previousWeighted = estimate - Double(currentHits)
            let needed = previousWeighted - (limit - Double(currentHits) - 1)
            wait = window * needed / previousWeighted * (window - elapsed) / window
        } else {
            // Only in the next window, once this window's weight has faded enough.
            let hits = Double(currentHits)
            wait = (window - elapsed) + max(0, window * (1 - (limit - 1) / hits))
        }
        return max(1, Int(wait.rounded(.up)))
    }

    /// True for the first refusal of an episode, so the audit gets one row, not one per request.
    var isFirstRefusal: Bool { !isAllowed && estimate - 1 <= Double(rule.limit) }

    func apply(to headers: inout HTTPHeaders) {
        headers.set("X-RateLimit-Limit", String(rule.limit))
        headers.set("X-RateLimit-Remaining", String(remaining))
        headers.set("X-RateLimit-Reset", String(resetSeconds))
    }

    /// The decision a response should report when several rules applied: a refusal first, else the
    /// one with the fewest requests left.
    static func tightest(_ decisions: [RateLimitDecision]) -> RateLimitDecision? {
        decisions.min { a, b in
            if a.isAllowed != b.isAllowed { return !a.isAllowed }
            return a.remaining < b.remaining
        }
    }
}
