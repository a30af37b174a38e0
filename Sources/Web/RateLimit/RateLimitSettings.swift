/// How many requests each rule allows per window: per tenant by tier, each client address's share
/// of that, and per client address on the sensitive routes. Read from the environment (`RATE_LIMIT_*`).
public struct RateLimitSettings: Sendable, Hashable {
    /// `RATE_LIMITS=off` turns every limit off (benchmarks).
    public var isEnabled = true
    /// The sliding window every rule counts over.
    public var window: Duration = .seconds(60)
    public var starter = 600
    public var professional = 3_000
    public var enterprise = 12_000
    /// The part of its tenant's limit (in percent) one client address may use. Many buyers behind one
    /// carrier-grade NAT address share it, so it is generous; 100 turns the share off.
    public var clientSharePercent = 25
    /// Per client address (and tenant) on each family of sensitive routes.
    public var login = 30
    public var orders = 30
    public var pay = 30
    /// Per client address on the central webhook: gateways deliver from few addresses, so this is generous.
    public var webhook = 1_200
    /// Per client address, the webhook deliveries that no account could verify (each is stored, bounded).
    public var webhookUnverified = 30

    /// No window may be longer: old counters are purged by this horizon, not by each process's own
    /// window, since processes (during a configuration change, or in tests) may count over different ones.
    static let longestWindowSeconds = 3600

    public init() {}

    func limit(for tier: Tenant.Tier) -> Int {
        switch tier {
        case .starter: starter
        case .professional: professional
        case .enterprise: enterprise
        }
    }

    func limit(for family: SensitiveRoute) -> Int {
        switch family {
        case .login: login
        case .orders: orders
        case .pay: pay
        case .webhook: webhook
        }
    }
}

extension RateLimitSettings {
    init(reading reader: inout EnvironmentReader) {
        let defaults = RateLimitSettings()
        isEnabled = reader.boolean("RATE_LIMITS", default: defaults.isEnabled)
        window = .seconds(reader.integer("RATE_LIMIT_WINDOW_SECONDS", default: 60, in: 1...Self.longestWindowSeconds))
        starter = reader.integer("RATE_LIMIT_STARTER", default: defaults.starter, in: 1...1_000_000)
        professional = reader.integer("RATE_LIMIT_PROFESSIONAL", default: defaults.professional, in: 1...1_000_000)
        enterprise = reader.integer("RATE_LIMIT_ENTERPRISE", default: defaults.enterprise, in: 1...1_000_000)
        clientSharePercent = reader.integer("RATE_LIMIT_CLIENT_SHARE", default: defaults.clientSharePercent, in: 1...100)
        login = reader.integer("RATE_LIMIT_LOGIN", default: defaults.login, in: 1...1_000_000)
        orders = reader.integer("RATE_LIMIT_ORDERS", default: defaults.orders, in: 1...1_000_000)
        pay = reader.integer("RATE_LIMIT_PAY", default: defaults.pay, in: 1...1_000_000)
        webhook = reader.integer("RATE_LIMIT_WEBHOOK", default: defaults.webhook, in: 1...1_000_000)
        webhookUnverified = reader.integer(
            "RATE_LIMIT_WEBHOOK_UNVERIFIED", default: defaults.webhookUnverified, in: 1...1_000_000)
    }
}
