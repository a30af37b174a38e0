/// How long Gerbang keeps what accumulates on its own (`RETENTION_*`): webhook deliveries, security
/// events and audit rows, in days. Expired sessions and rate-limit windows no check reads any more are
/// purged on the same schedule without a setting: nothing reads them.
public struct RetentionSettings: Sendable, Hashable {
    public var webhookEvents: Duration = .days(30)
    public var securityEvents: Duration = .days(90)
    public var auditLog: Duration = .days(365)
    /// How often each process looks for rows past their period (the work is shared, not repeated).
    public var interval: Duration = .seconds(3600)

    public init() {}
}

extension RetentionSettings {
    init(reading reader: inout EnvironmentReader) {
        let defaults = RetentionSettings()
        webhookEvents = .days(reader.integer("RETENTION_WEBHOOK_DAYS", default: defaults.webhookEvents.days, in: 1...3650))
        securityEvents = .days(
            reader.integer("RETENTION_SECURITY_EVENTS_DAYS", default: defaults.securityEvents.days, in: 1...3650))
        auditLog = .days(reader.integer("RETENTION_AUDIT_DAYS", default: defaults.auditLog.days, in: 1...3650))
        interval = .seconds(
            reader.integer("RETENTION_INTERVAL_SECONDS", default: Int(defaults.interval.components.seconds), in: 1...86_400))
    }
}

extension Duration {
    static func days(_ count: Int) -> Duration { .seconds(count * 86_400) }

    var days: Int { Int(components.seconds / 86_400) }
}
