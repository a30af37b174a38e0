import Foundation
import Postgres

/// Each WhatsApp sender's messages per minute, counted in PostgreSQL (`whatsapp_sender_minutes`) so
/// every worker and instance spends one device's capacity together. A slot is taken before the send
/// and kept whatever the provider answers: a refused attempt still cost the device a request.
struct WhatsAppCapacity: Sendable {
    let database: PostgresPool

    /// What each of `keys` has already been handed in the minute of `now` (nil: the database's clock).
    func used(_ keys: [String], now: Date?) throws -> [String: Int] {
        guard !keys.isEmpty else { return [:] }
        var used: [String: Int] = [:]
        for row in try database.unscoped.query(
            """
            select sender_key, sent from whatsapp_sender_minutes
            where sender_key = any($1::text[]) and minute = date_trunc('minute', coalesce($2::timestamptz, now()))
            """, keys, now)
        {
            used[try row.decode("sender_key", as: String.self)] = try row.decode("sent", as: Int.self)
        }
        return used
    }

    /// Takes one of the sender's `perMinute` slots in the minute of `now`, atomically.
    /// - Returns: false when another worker took the last one first.
    func reserve(_ key: String, perMinute: Int, now: Date?) throws -> Bool {
        try !database.unscoped.query(
            """
            insert into whatsapp_sender_minutes as m (sender_key, minute, sent)
            values ($1, date_trunc('minute', coalesce($3::timestamptz, now())), 1)
            on conflict (sender_key, minute) do update set sent = m.sent + 1 where m.sent < $2
            returning sent
            """, key, perMinute, now
        ).isEmpty
    }

    /// Forgets minutes more than an hour old.
    func purge() throws {
        try database.unscoped.query("delete from whatsapp_sender_minutes where minute < now() - interval '1 hour'")
    }
}
