import HTTP

/// What became of one webhook delivery: written on its `webhook_events` row and answered to the gateway.
struct WebhookOutcome: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        /// The order changed (paid, expired, failed or cancelled).
        case processed
        /// It was already paid: nothing changed.
        case duplicate
        /// Nothing to do (a pending notice, a refund, or a late failure for a finished order).
        case ignored
        /// Not believed or not consistent with the order: nothing changed.
        case rejected
        /// Believed, but we could not record it (database trouble): the gateway should retry.
        case failed
    }

    let kind: Kind
    let status: HTTPStatus
    let reason: String?

    static let processed = WebhookOutcome(kind: .processed, status: .ok, reason: nil)
    static let duplicate = WebhookOutcome(kind: .duplicate, status: .ok, reason: nil)

    static func ignored(_ reason: String) -> WebhookOutcome {
        WebhookOutcome(kind: .ignored, status: .ok, reason: reason)
    }

    static func rejected(_ status: HTTPStatus, _ reason: String) -> WebhookOutcome {
        WebhookOutcome(kind: .rejected, status: status, reason: reason)
    }

    static func failed(_ reason: String) -> WebhookOutcome {
        WebhookOutcome(kind: .failed, status: .internalServerError, reason: reason)
    }
}
