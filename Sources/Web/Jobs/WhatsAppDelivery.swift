import Foundation
import Postgres

/// Sends the outbox's WhatsApp messages: every `interval` it claims what is due, for all tenants in
/// batches, hands each message to its sender (the tenant's own number when it has one, else the
/// platform's) and records how it went. A refused or failed attempt is tried again after a growing
/// pause; after the last attempt, or once a message is a day old (codes that arrive a day late help
/// nobody), it is marked failed for support to see.
/// Delivery is at least once: an instance that dies between the provider's answer and the record
/// leaves the message to be sent again when its lease runs out.
final class WhatsAppDelivery: Sendable {
    let database: PostgresPool
    let secrets: SecretsKey
    /// The platform's sender; nil when only tenants with their own number get messages.
    let central: (any WhatsAppSender)?
    /// A tenant's own sender, from its Fonnte device token.
    let ownSender: @Sendable (_ fonnteToken: String) -> any WhatsAppSender
    let metrics: NotificationMetrics
    /// How long a claimed message waits before anyone tries it again: a whole batch timing out, one
    /// message after another, with a minute to spare.
    let lease: Duration
    private let outbox = NotificationOutbox()
    private let timer: RepeatingTimer

    static let batchSize = 20
    static let batchesPerRound = 10
    static let maxAttempts = 12
    static let maxAge: Duration = .seconds(24 * 3600)
    static let tooOld = "not delivered within a day of being queued"

    init(
        database: PostgresPool, secrets: SecretsKey, central: (any WhatsAppSender)?,
        ownSender: @escaping @Sendable (_ fonnteToken: String) -> any WhatsAppSender, interval: Duration,
        sendTimeout: Duration, metrics: NotificationMetrics
    ) {
        self.database = database
        self.secrets = secrets
        self.central = central
        self.ownSender = ownSender
        self.metrics = metrics
        lease = sendTimeout * Self.batchSize + .seconds(60)
        timer = RepeatingTimer(label: "gerbang.whatsapp-delivery", interval: interval)
    }

    func start() {
        timer.start(immediately: true) { [weak self] in self?.deliverLoggingErrors() }
    }

    func stop() {
        timer.stop()
    }

    /// One round: batches until nothing more is due (or `batchesPerRound`, so a backlog cannot hold
    /// the queue for long). - Returns: how many messages the provider took.
    @discardableResult
    func deliverDueMessages() throws -> Int {
        try outbox.giveUpUnsentWhatsAppMessages(queuedBefore: Self.maxAge, reason: Self.tooOld, on: database)
        var sent = 0
        for _ in 0..<Self.batchesPerRound {
            let batch = try outbox.claimDueWhatsAppMessages(
                limit: Self.batchSize, lease: lease, includingCentral: central != nil, secrets: secrets, on: database)
            for message in batch where try deliver(message) { sent += 1 }
            if batch.count < Self.batchSize { break }
        }
        return sent
    }

    /// The pause after a failed attempt: 30 s, doubling, at most an hour; nil after the last attempt.
    static func retryDelay(afterAttempt attempt: Int) -> Duration? {
        guard attempt < maxAttempts else { return nil }
        return .seconds(min(30 << min(max(attempt - 1, 0), 12), 3600))
    }

    private func deliver(_ message: NotificationOutbox.Claimed) throws -> Bool {
        guard message.age <= Self.maxAge else {
            try outbox.markFailed(message, reason: Self.tooOld, retryIn: nil, on: database)
            metrics.record(.failed)
            return false
        }
        let outcome: Result<String?, DeliveryFailure>
        do throws(DeliveryFailure) {
            // None only when the tenant switched its own number off between the claim and now.
            guard let sender = message.ownFonnteToken.map(ownSender) ?? central else {
                throw DeliveryFailure("no WhatsApp sender is set for this tenant")
            }
            outcome = .success(try sender.send(message.body, to: message.recipient))
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let providerID):
            try outbox.markSent(message, providerMessageID: providerID, on: database)
            metrics.record(.sent)
            return true
        case .failure(let failure):
            let retry = Self.retryDelay(afterAttempt: message.attempts)
            try outbox.markFailed(message, reason: failure.description, retryIn: retry, on: database)
            metrics.record(retry == nil ? .failed : .retried)
            Log.warning(
                "WhatsApp message \(message.id) of tenant \(message.tenantID), attempt \(message.attempts): \(failure)"
                    + (retry.map { "; trying again in \($0.components.seconds) s" } ?? "; giving up"))
            return false
        }
    }

    private func deliverLoggingErrors() {
        do {
            try deliverDueMessages()
        } catch {
            Log.warning("WhatsApp delivery round failed: \(error)")
        }
    }
}
