import HTTP

/// A request refused by a rate limit: `ErrorResponder` answers 429 with the site's branded page,
/// `Retry-After` and the `X-RateLimit-*` headers of the rule that refused it.
struct RateLimitExceeded: Error, Sendable {
    let decision: RateLimitDecision

    var headers: [String: String] {
        var headers = HTTPHeaders()
        decision.apply(to: &headers)
        var result = ["Retry-After": String(decision.retryAfterSeconds)]
        for field in headers { result[field.name] = field.value }
        return result
    }
}
