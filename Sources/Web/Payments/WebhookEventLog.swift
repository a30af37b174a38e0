import Foundation
import Postgres

/// `webhook_events`: every delivery that is stored (before it changes anything, or by the transaction
/// that makes the change), and its outcome when known, so support can always see what a gateway sent
/// and what we did. A verified delivery is kept
/// as it arrived; one nobody could verify (anyone can send those) is kept bounded: a few headers, each
/// cut short, and the start of its body, with `body_size` saying how much arrived.
struct WebhookEventLog: Sendable {
    let database: PostgresPool

    /// Headers that carry credentials: never stored.
    static let secretHeaders: Set<String> = ["authorization", "cookie", "x-callback-token", "proxy-authorization"]

    /// How much of an unverified delivery is kept.
    static let unverifiedBodyBytes = 4 * 1024
    static let unverifiedHeaderCount = 20
    static let unverifiedHeaderBytes = 256

    /// A delivery as it is stored: credentials left out, an unverified one bounded.
    struct Delivery: Sendable {
        let provider: String
        /// The raw body, for the dedupe key (`provider:sha256(body)`, computed by PostgreSQL).
        let body: [UInt8]
        let storedBody: String
        let headersJSON: String
        /// The order or invoice the delivery names, when it was found.
        let tenantID: UUID?
        let reference: String?

        /// - Parameter verified: false keeps the delivery bounded.
        init(
            provider: String, headers: [(name: String, value: String)], body: [UInt8], verified: Bool,
            tenantID: UUID? = nil, reference: String? = nil
        ) {
            self.provider = provider
            self.body = body
            storedBody = WebhookEventLog.storableText(verified ? body : Array(body.prefix(WebhookEventLog.unverifiedBodyBytes)))
            headersJSON = WebhookEventLog.headersJSON(verified ? headers : WebhookEventLog.bounded(headers))
            self.tenantID = tenantID
            self.reference = reference
        }
    }

    /// A delivery already stored (its id), or one to store with its outcome in the transaction that
    /// applies it: one write instead of two, and no round trip before the transaction.
    enum Record: Sendable {
        case stored(Int64)
        case unstored(Delivery)
    }

    /// The payment row a processed delivery led to, written with the delivery's outcome, pointing at it.
    struct Payment: Sendable {
        let tenantID: UUID
        let subject: PaymentSubject
        let subjectID: UUID
        let provider: String
        let gatewayReference: String?
        let amount: Int64
        let currency: String
    }

    /// Stores a delivery, with its outcome when already known (otherwise `received`, written later by
    /// `finish`), and returns its id. Across tenants: the central endpoint serves them all. The tenant and
    /// reference are stored now, so writing the outcome later changes no indexed column (a heap-only update).
    @discardableResult
    func record(_ delivery: Delivery, outcome: WebhookOutcome? = nil) throws -> Int64 {
        let rows = try database.unscoped.query(
            """
            insert into webhook_events (provider, dedupe_key, headers, body, body_size, tenant_id, reference, outcome,
                reason)
            values ($1, $1 || ':' || encode(sha256($2::bytea), 'hex'), $3::jsonb, $4, $5, $6, $7,
                coalesce($8, 'received'), $9)
            returning id
            """, delivery.provider, delivery.body, delivery.headersJSON, delivery.storedBody, delivery.body.count,
            delivery.tenantID, delivery.reference, outcome?.kind.rawValue, outcome?.reason)
        guard let row = rows.first else { throw PostgresError(.query, "the webhook event insert returned no row") }
        return try row.decode("id", as: Int64.self)
    }

    /// Writes the outcome of a delivery, and the payment it led to, inside `db`'s transaction (sent with
    /// its next statement or its COMMIT): a processed outcome commits with the change it describes.
    func write(_ record: Record, outcome: WebhookOutcome, payment: Payment?, on db: PostgresConnection) throws {
        switch (record, payment) {
        case (.stored(let id), nil):
            try finish(id, outcome: outcome, tenantID: nil, reference: nil, on: db)
        case (.stored(let id), let payment?):
            try db.enqueue(
                """
                with event as (update webhook_events set outcome = $2, reason = $3 where id = $1 returning id)
                insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount,
                    currency, status, webhook_event_id, item)
                select $4, $5::text, $6, $7, $8, $9, $10, 'paid', event.id, payment_item($4::uuid, $5::text, $6::uuid)
                from event
                """, id, outcome.kind.rawValue, outcome.reason, payment.tenantID, payment.subject.rawValue,
                payment.subjectID, payment.provider, payment.gatewayReference, payment.amount, payment.currency)
        case (.unstored(let delivery), nil):
            try db.enqueue(
                """
                insert into webhook_events (provider, dedupe_key, headers, body, body_size, tenant_id, reference,
                    outcome, reason)
                values ($1, $1 || ':' || encode(sha256($2::bytea), 'hex'), $3::jsonb, $4, $5, $6, $7, $8, $9)
                """, delivery.provider, delivery.body, delivery.headersJSON, delivery.storedBody, delivery.body.count,
                delivery.tenantID, delivery.reference, outcome.kind.rawValue, outcome.reason)
        case (.unstored(let delivery), let payment?):
            try db.enqueue(
                """
                with event as (
                    insert into webhook_events (provider, dedupe_key, headers, body, body_size, tenant_id, reference,
                        outcome, reason)
                    values ($1, $1 || ':' || encode(sha256($2::bytea), 'hex'), $3::jsonb, $4, $5, $6, $7, $8, $9)
                    returning id)
                insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount,
                    currency, status, webhook_event_id, item)
                select $10, $11::text, $12, $13, $14, $15, $16, 'paid', event.id, payment_item($10::uuid, $11::text, $12::uuid)
                from event
                """, delivery.provider, delivery.body, delivery.headersJSON, delivery.storedBody, delivery.body.count,
                delivery.tenantID, delivery.reference, outcome.kind.rawValue, outcome.reason, payment.tenantID,
                payment.subject.rawValue, payment.subjectID, payment.provider, payment.gatewayReference, payment.amount,
                payment.currency)
        }
    }

    /// The same on its own, outside any transaction: a stored delivery's outcome, or an unstored one
    /// stored with it.
    func write(_ record: Record, outcome: WebhookOutcome) throws {
        switch record {
        case .stored(let id): try finish(id, outcome: outcome, tenantID: nil, reference: nil)
        case .unstored(let delivery): try self.record(delivery, outcome: outcome)
        }
    }

    /// Stores what a gateway's status API said about a payment when the reconciliation job asked it,
    /// as an event of its own, so the payment it leads to points at its evidence like a webhook's.
    func recordStatusAnswer(provider: String, event: PaymentEvent) throws -> Int64 {
        var answer: [String: String] = ["source": "status_api", "reference": event.reference, "status": event.status.rawValue]
        answer["gateway_reference"] = event.gatewayReference
        answer["amount"] = event.amount.map(String.init)
        answer["currency"] = event.currency
        let body = StringJSONObject(answer).text
        let rows = try database.unscoped.query(
            """
            insert into webhook_events (provider, dedupe_key, headers, body, body_size, reference)
            values ($1, $1 || ':status:' || encode(sha256(convert_to($2, 'UTF8')), 'hex'), '{}'::jsonb, $2,
                octet_length($2), $3)
            returning id
            """, provider, body, event.reference)
        return try rows.single().decode("id", as: Int64.self)
    }

    /// Writes the outcome, and the tenant and reference once the order is known.
    func finish(_ id: Int64, outcome: WebhookOutcome, tenantID: UUID?, reference: String?) throws {
        try Self.finish(id, outcome: outcome, tenantID: tenantID, reference: reference, on: nil, database: database)
    }

    /// The same inside a transaction, so a processed outcome commits with the change it made.
    func finish(_ id: Int64, outcome: WebhookOutcome, tenantID: UUID?, reference: String?, on db: PostgresConnection) throws {
        try Self.finish(id, outcome: outcome, tenantID: tenantID, reference: reference, on: db, database: database)
    }

    private static func finish(
        _ id: Int64, outcome: WebhookOutcome, tenantID: UUID?, reference: String?, on db: PostgresConnection?,
        database: PostgresPool
    ) throws {
        let parameters: [(any PostgresEncodable)?] = [id, outcome.kind.rawValue, tenantID, reference, outcome.reason]
        let sql: StaticString = """
            update webhook_events
            set outcome = $2, tenant_id = coalesce($3, tenant_id), reference = coalesce($4, reference), reason = $5
            where id = $1
            """
        if let db {
            try db.enqueue(sql, parameters: parameters)
        } else {
            try database.unscoped.transaction { db in try db.query(sql, parameters: parameters) }
        }
    }

    /// Header names lower-cased, repeated fields joined, credentials left out.
    static func headersJSON(_ headers: [(name: String, value: String)]) -> String {
        var object: [String: String] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            guard !secretHeaders.contains(key) else { continue }
            object[key] = object[key].map { $0 + ", " + value } ?? value
        }
        return StringJSONObject(object).text
    }

    /// The first headers, each value cut short: an unverified delivery's are kept only as a clue.
    static func bounded(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        headers.prefix(unverifiedHeaderCount).map { field in
            (String(field.name.prefix(unverifiedHeaderBytes)), String(field.value.prefix(unverifiedHeaderBytes)))
        }
    }

    /// The body as text when it is UTF-8 without NUL (PostgreSQL text cannot hold NUL);
    /// otherwise `base64:` and its Base64, so nothing that arrived is lost.
    static func storableText(_ body: [UInt8]) -> String {
        if !body.contains(0), let text = String(validating: body, as: UTF8.self) { return text }
        return "base64:" + Data(body).base64EncodedString()
    }
}
