/// Kinds of security event worth a row in `security_events` (one value per `kind` the table allows).
enum SecurityEvent: String, Sendable, Hashable, CaseIterable {
    /// A wrong password or unknown account, in any area (portal, tenant admin, head office).
    case loginFailed = "login_failed"
    /// A login refused because the account or address is throttled.
    case loginLocked = "login_locked"
    /// A webhook delivery not believed: bad signature, unknown reference, inconsistent amount …
    case webhookRejected = "webhook_rejected"
    /// The first refusal of a rate-limit episode (not one row per refused request).
    case rateLimited = "rate_limited"
}
