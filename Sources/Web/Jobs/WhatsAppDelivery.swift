import Foundation
import Postgres
import Synchronization

/// Sends the outbox's WhatsApp messages: every `interval` it claims what is due, for all tenants in
/// batches, hands each message to a sender and records how it went and which sender took it.
///
/// A tenant's own senders come first, then the platform's. Within each, the message goes to the
/// sender with the most capacity left in the current minute (`WhatsAppCapacity`, shared by every
/// instance), so messages spread over a tenant's devices by what each can take; when a sender refuses
/// or fails, the next one is tried in the same round. When every sender it may use is full, the
/// message waits, untried, for the next minute. A message that every sender refused is tried again
/// after a growing pause; after the last attempt, or once a message is a day old (codes that arrive a
/// day late help nobody), it is marked failed for support to see.
/// Delivery is at least once: an instance that dies between the provider's answer and the record
/// leaves the message to be sent again when its lease runs out.
final class WhatsAppDelivery: Sendable {
    /// A sender a message may be handed to.
    struct Route: Sendable {
        /// Its capacity counter (`tenant:<id>`, `platform:<digest>`), never a secret.
        let key: String
        /// What `notifications.sent_by` records.
        let label: String
        let perMinute: Int
        let sender: any WhatsAppSender
    }

    let database: PostgresPool
    let secrets: SecretsKey
    /// The platform's senders; empty when only tenants with their own numbers get messages.
    let central: [WhatsAppSettings.Sender]
    /// A sender for a Fonnte device token (the platform's and the tenants' own).
    let fonnte: @Sendable (_ fonnteToken: String) -> any WhatsAppSender
    let metrics: NotificationMetrics
    /// How long a claimed message waits before anyone tries it again: two senders timing out for each
    /// message of a batch, with a minute to spare. No send starts later than `sendTimeout` before the
    /// lease ends (a batch slowed by fail-overs puts its last messages back), so no message is sent
    /// after another instance may have claimed it.
    let lease: Duration
    let sendTimeout: Duration
    private let outbox = NotificationOutbox()
    private let capacity: WhatsAppCapacity
    /// The platform's routes, made at the first round: their keys are digests of the tokens (one
    /// device, one count, whatever each instance calls it), which PostgreSQL computes.
    private let centralRoutes = Mutex<[Route]?>(nil)
    private let timer: RepeatingTimer

    static let batchSize = 20
    static let batchesPerRound = 10
    static let maxAttempts = 12
    static let maxAge: Duration = .seconds(24 * 3600)
    static let tooOld = "not delivered within a day of being queued"

    init(
        database: PostgresPool, secrets: SecretsKey, central: [WhatsAppSettings.Sender],
        fonnte: @escaping @Sendable (_ fonnteToken: String) -> any WhatsAppSender, interval: Duration,
        sendTimeout: Duration, metrics: NotificationMetrics
    ) {
        self.database = database
        self.secrets = secrets
        self.central = central
        self.fonnte = fonnte
        self.metrics = metrics
        self.sendTimeout = sendTimeout
        capacity = WhatsAppCapacity(database: database)
        lease = sendTimeout * Self.batchSize * 2 + .seconds(60)
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
    /// - Parameter now: the clock for claims and capacity; nil is the database's (tests inject minutes).
    @discardableResult
    func deliverDueMessages(now: Date? = nil) throws -> Int {
        try outbox.giveUpUnsentWhatsAppMessages(queuedBefore: Self.maxAge, reason: Self.tooOld, on: database)
        try capacity.purge()
        let platform = try platformRoutes()
        var sent = 0
        for _ in 0..<Self.batchesPerRound {
            let lastStart = ContinuousClock.now + lease - sendTimeout - .seconds(30)
            let batch = try outbox.claimDueWhatsAppMessages(
                limit: Self.batchSize, lease: lease, includingCentral: !central.isEmpty, secrets: secrets, now: now,
                on: database)
            for message in batch where try deliver(message, platform: platform, now: now, lastStart: lastStart) { sent += 1 }
            if batch.count < Self.batchSize { break }
        }
        return sent
    }

    /// The pause after a failed attempt: 30 s, doubling, at most an hour; nil after the last attempt.
    static func retryDelay(afterAttempt attempt: Int) -> Duration? {
        guard attempt < maxAttempts else { return nil }
        return .seconds(min(30 << min(max(attempt - 1, 0), 12), 3600))
    }

    /// - Parameter lastStart: no send starts after this; the message is put back untried instead.
    private func deliver(
        _ message: NotificationOutbox.Claimed, platform: [Route], now: Date?, lastStart: ContinuousClock.Instant
    ) throws -> Bool {
        guard message.age <= Self.maxAge else {
            try outbox.markFailed(message, reason: Self.tooOld, retryIn: nil, on: database)
            metrics.record(.failed)
            return false
        }
        let own = message.ownSenders.map { sender in
            Route(
                key: "tenant:" + sender.id.uuidString.lowercased(), label: "own:" + sender.name,
                perMinute: sender.perMinute, sender: fonnte(sender.fonnteToken))
        }
        var failures: [String] = []
        tiers: for tier in [own, platform] where !tier.isEmpty {
            let used = try capacity.used(tier.map(\.key), now: now)
            let open = tier.enumerated()
                .map { (index: $0.offset, route: $0.element, left: $0.element.perMinute - used[$0.element.key, default: 0]) }
                .filter { $0.left > 0 }
                .sorted { $0.left != $1.left ? $0.left > $1.left : $0.index < $1.index }
            for candidate in open {
                guard ContinuousClock.now < lastStart else {
                    if !failures.isEmpty { break tiers }
                    try outbox.putBack(message, untilNextMinute: false, now: now, on: database)
                    return false
                }
                guard try capacity.reserve(candidate.route.key, perMinute: candidate.route.perMinute, now: now) else {
                    continue
                }
                let outcome: Result<String?, DeliveryFailure>
                do throws(DeliveryFailure) {
                    outcome = .success(try candidate.route.sender.send(message.body, to: message.recipient))
                } catch {
                    outcome = .failure(error)
                }
                switch outcome {
                case .success(let providerID):
                    try outbox.markSent(message, providerMessageID: providerID, sentBy: candidate.route.label, on: database)
                    metrics.record(.sent)
                    return true
                case .failure(let failure):
                    failures.append(failure.description)
                }
            }
        }
        if failures.isEmpty {
            guard own.isEmpty, platform.isEmpty else {
                try outbox.putBack(message, untilNextMinute: true, now: now, on: database)
                return false
            }
            // Only when the tenant switched its own numbers off between the claim and now.
            failures.append("no WhatsApp sender is set for this tenant")
        }
        let reason = String(failures.joined(separator: "; ").prefix(1000))
        let retry = Self.retryDelay(afterAttempt: message.attempts)
        try outbox.markFailed(message, reason: reason, retryIn: retry, on: database)
        metrics.record(retry == nil ? .failed : .retried)
        Log.warning(
            "WhatsApp message \(message.id) of tenant \(message.tenantID), attempt \(message.attempts): \(reason)"
                + (retry.map { "; trying again in \($0.components.seconds) s" } ?? "; giving up"))
        return false
    }

    /// The platform's senders as routes, their keys computed once.
    private func platformRoutes() throws -> [Route] {
        if let routes = centralRoutes.withLock({ $0 }) { return routes }
        let digests = Digests(database: database)
        let routes = try central.map { sender in
            Route(
                key: "platform:" + String(try digests.sha256Hex(sender.token).prefix(32)), label: "platform:" + sender.name,
                perMinute: sender.perMinute, sender: fonnte(sender.token))
        }
        centralRoutes.withLock { $0 = routes }
        return routes
    }

    private func deliverLoggingErrors() {
        do {
            try deliverDueMessages()
        } catch {
            Log.warning("WhatsApp delivery round failed: \(error)")
        }
    }
}
