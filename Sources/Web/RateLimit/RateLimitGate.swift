import Foundation
import HTTP

/// What the rate-limit middleware share: count the request against its rules, refuse it (and audit
/// the first refusal of an episode), or let it through and label the response with its headers.
struct RateLimitGate: Sendable {
    let limiter: RateLimiter
    let audit: SecurityAudit

    var settings: RateLimitSettings { limiter.settings }

    /// Runs `next` unless a rule refuses the request, then reports the tightest rule's numbers. Stages
    /// are counted in order and a refusal stops there, so a request refused by an early stage (the
    /// client's own limits) is never counted by a later one (the tenant's).
    /// - Throws: `RateLimitExceeded` when any rule refuses.
    func pass(
        _ request: HTTPRequest, stages: [[RateLimitRule]], tenantID: UUID?, next: (HTTPRequest) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        var decisions: [RateLimitDecision] = []
        do {
            for rules in stages {
                decisions += try limiter.check(rules)
                if decisions.contains(where: { !$0.isAllowed }) { break }
            }
        } catch {
            // Limits protect the service; they must not take it down with the database. Fail open.
            Log.warning("rate limit not checked: \(error)")
        }
        let decision = RateLimitDecision.tightest(decisions)
        if let decision, !decision.isAllowed {
            if decision.isFirstRefusal {
                audit.record(
                    .rateLimited, tenantID: tenantID, clientAddress: request.clientAddress,
                    detail: "\(decision.rule.key.split(separator: ":").first ?? "") \(request.method.rawValue) \(request.path)")
            }
            throw RateLimitExceeded(decision: decision)
        }
        var response = try next(request)
        if let decision { decision.apply(to: &response.headers) }
        return response
    }

    /// The refusal a request meets from memory alone, with nothing counted or audited: a client whose
    /// refusal is remembered is refused by its first stage whatever the rest would say, so this is the
    /// same answer `pass` gives, found without the database.
    func rememberedRefusal(of firstStage: [RateLimitRule]) -> RateLimitExceeded? {
        guard settings.isEnabled, let decision = limiter.rememberedRefusal(firstStage) else { return nil }
        return RateLimitExceeded(decision: decision)
    }

    /// The request counted against every rule from the leases in memory, and the tightest decision;
    /// nil when a rule has no lease left (the request must be counted in the database, by a worker).
    /// Only allowed decisions come from leases.
    func hasLeasedRequests(for rules: [RateLimitRule]) -> Bool { limiter.hasLeasedRequests(for: rules) }

    func leasedDecision(for rules: [RateLimitRule]) -> RateLimitDecision? {
        guard let decisions = limiter.takeFromLeases(rules) else { return nil }
        return RateLimitDecision.tightest(decisions)
    }

    /// Counts one webhook delivery that could not be verified against its sender's address: false once
    /// the address is past `RATE_LIMIT_WEBHOOK_UNVERIFIED` (the first refusal of an episode audited).
    /// Fails open like `pass`: genuine gateways are verified and never counted here.
    func admitsUnverifiedWebhook(from clientAddress: String, tenantID: UUID?) -> Bool {
        guard settings.isEnabled else { return true }
        let rule = RateLimitRule.unverifiedWebhook(clientAddress, settings: settings)
        guard let decision = try? RateLimitDecision.tightest(limiter.check([rule])) else { return true }
        if !decision.isAllowed, decision.isFirstRefusal {
            audit.record(.rateLimited, tenantID: tenantID, clientAddress: clientAddress, detail: "unverified webhook deliveries")
        }
        return decision.isAllowed
    }
}
