import Foundation
import Postgres

/// `webhook_events`: every delivery is stored as it arrived before anything else happens, and its
/// outcome is written when known, so support can always see what a gateway sent and what we did.
struct WebhookEventLog: Sendable {
    let database: PostgresPool

    /// Headers that carry credentials: never stored.
    static let secretHeaders: Set<String> = ["authorization", "cookie", "x-callback-token", "proxy-authorization"]

    /// Stores a delivery with outcome `received` and returns its id. The dedupe key
    /// (`provider:sha256(body)`) is computed by PostgreSQL from the raw bytes. Across tenants: which
    /// tenant a delivery concerns is not known until its reference is looked up.
    func record(provider: String, headers: [(name: String, value: String)], body: [UInt8]) throws -> Int64 {
        let rows = try database.unscoped.query(
            """
            insert into webhook_events (provider, dedupe_key, headers, body)
            values ($1, $1 || ':' || encode(sha256($2::bytea), 'hex'), $3::jsonb, $4)
            returning id
            """, provider, body, Self.headersJSON(headers), Self.storableText(body))
        return try rows.first!.decode("id", as: Int64.self)
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

    /// The body as text when it is UTF-8 without NUL (PostgreSQL text cannot hold NUL);
    /// otherwise `base64:` and its Base64, so nothing that arrived is lost.
    static func storableText(_ body: [UInt8]) -> String {
        if !body.contains(0), let text = String(validating: body, as: UTF8.self) { return text }
        return "base64:" + Data(body).base64EncodedString()
    }
}
