import Foundation
import Postgres

/// The outbox: messages are queued in the same transaction as the change they announce, so a
/// buyer is told exactly when the payment was recorded; `WhatsAppDelivery` sends and retries them.
struct NotificationOutbox: Sendable {
    enum Channel: String, Sendable {
        case whatsapp, email
    }

    /// Queues one message for delivery as soon as possible.
    /// - Parameter subjectReference: what it is about (an order number), for support and deduplication.
    /// - Parameter redactedBody: for a message carrying a secret (a one-time code): the text kept in its
    ///   place once the message is sent or given up.
    func queue(
        _ channel: Channel, to recipient: String, body: String, tenantID: UUID, subjectReference: String,
        redactedBody: String? = nil, on db: PostgresConnection
    ) throws {
        try db.enqueue(
            """
            insert into notifications (tenant_id, channel, recipient, body, subject_ref, redacted_body)
            values ($1, $2, $3, $4, $5, $6)
            """, tenantID, channel.rawValue, recipient, body, subjectReference, redactedBody)
    }

    /// A message of a batch (`queue(_:_:tenantID:on:)`): none carries a secret.
    struct Message: Sendable {
        let recipient: String
        let body: String
        let subjectReference: String
    }

    /// Queues the messages as `queue(_:to:body:tenantID:subjectReference:redactedBody:on:)` queues one, in
    /// one statement: the billing run's batch of new invoices.
    func queue(_ channel: Channel, _ messages: [Message], tenantID: UUID, on db: PostgresConnection) throws {
        guard !messages.isEmpty else { return }
        try db.enqueue(
            """
            insert into notifications (tenant_id, channel, recipient, body, subject_ref)
            select $1, $2, m.recipient, m.body, m.subject_ref from unnest($3::text[], $4::text[], $5::text[])
                as m (recipient, body, subject_ref)
            """, tenantID, channel.rawValue, messages.map(\.recipient), messages.map(\.body),
            messages.map(\.subjectReference))
    }
}
