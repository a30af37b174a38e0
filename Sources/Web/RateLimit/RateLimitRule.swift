/// One thing being counted: a key naming the rule and its subject, and how many requests it allows
/// per window. Keys are built here only, so two rules can never collide on one counter.
struct RateLimitRule: Sendable, Hashable {
    let key: String
    let limit: Int

    /// Every request to one tenant's site.
    static func tenant(_ tenant: Tenant, settings: RateLimitSettings) -> RateLimitRule {
        RateLimitRule(key: "tenant:" + tenant.idString, limit: settings.limit(for: tenant.tier))
    }

    /// One client address's share of its tenant's limit, counted before the tenant's, so that one
    /// client cannot use up a store for everyone else, and what it is refused never counts against the
    /// tenant.
    static func client(_ address: String, of tenant: Tenant, settings: RateLimitSettings) -> RateLimitRule {
        let share = max(1, settings.limit(for: tenant.tier) * settings.clientSharePercent / 100)
        return RateLimitRule(
            key: "client:" + tenant.idString + ":" + String(address.prefix(100)), limit: share)
    }

    /// Webhook deliveries from one client address that no account could verify: anyone can send them,
    /// and each costs a stored row, so far fewer are allowed than the webhook family's.
    static func unverifiedWebhook(_ address: String, settings: RateLimitSettings) -> RateLimitRule {
        RateLimitRule(key: "webhook_unverified:any:" + String(address.prefix(100)), limit: settings.webhookUnverified)
    }

    /// One client address on one family of sensitive routes, per tenant when there is one (many
    /// subscribers of one ISP share a carrier-grade NAT address; they must not lock out another
    /// ISP's visitors), else per site (`platform`, or `any` host for the webhook).
    static func address(
        _ address: String, family: SensitiveRoute, site: String, settings: RateLimitSettings
    ) -> RateLimitRule {
        RateLimitRule(
            key: family.rawValue + ":" + site + ":" + String(address.prefix(100)), limit: settings.limit(for: family))
    }
}
