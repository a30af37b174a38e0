import Foundation
import Postgres

/// Deletes what has outlived its retention period (`RetentionSettings`): webhook deliveries (except
/// those a payment points at: they are its evidence), security events, audit rows, expired sessions,
/// rate-limit windows no check reads any more and sign-in counters that no longer slow anyone down. Every process runs it; each batch takes its rows
/// with `for update skip locked`, so processes share the work and never repeat it, and a batch is
/// small enough that a large backlog never holds locks or a connection for long.
final class RetentionSweep: Sendable {
    let database: PostgresPool
    let settings: RetentionSettings
    private let timer: RepeatingTimer

    static let batchSize = 1_000
    /// Per table and round: a backlog is worked off over several rounds rather than in one long one.
    static let batchesPerRound = 20

    init(database: PostgresPool, settings: RetentionSettings) {
        self.database = database
        self.settings = settings
        timer = RepeatingTimer(label: "gerbang.retention-sweep", interval: settings.interval)
    }

    func start() {
        timer.start(immediately: false) { [weak self] in self?.purgeLoggingErrors() }
    }

    func stop() {
        timer.stop()
    }

    /// One round over every table. - Returns: how many rows it deleted.
    @discardableResult
    func purgeExpiredRows() throws -> Int {
        let webhook = Int(settings.webhookEvents.components.seconds)
        let security = Int(settings.securityEvents.components.seconds)
        let audit = Int(settings.auditLog.components.seconds)
        let rateLimitHorizon = RateLimitSettings.longestWindowSeconds * 2
        var deleted = 0
        deleted += try batches {
            try database.unscoped.query(
                """
                delete from webhook_events where id in (
                    select e.id from webhook_events e
                    where e.received_at < now() - make_interval(secs => $1)
                        and not exists (select 1 from payments p where p.webhook_event_id = e.id)
                    limit $2 for update skip locked)
                """, webhook, Self.batchSize
            ).affectedRows
        }
        deleted += try batches {
            try database.unscoped.query(
                """
                delete from security_events where id in (
                    select id from security_events where at < now() - make_interval(secs => $1)
                    limit $2 for update skip locked)
                """, security, Self.batchSize
            ).affectedRows
        }
        deleted += try batches {
            try database.unscoped.query(
                """
                delete from audit_log where id in (
                    select id from audit_log where at < now() - make_interval(secs => $1)
                    limit $2 for update skip locked)
                """, audit, Self.batchSize
            ).affectedRows
        }
        deleted += try batches {
            try database.unscoped.query(
                """
                delete from sessions where id in (
                    select id from sessions where expires_at <= now() limit $1 for update skip locked)
                """, Self.batchSize
            ).affectedRows
        }
        deleted += try batches {
            // Not tenant data: straight on the pool, like the limiter that writes it.
            try database.query(
                """
                delete from rate_limit_counters where (bucket_key, window_start) in (
                    select bucket_key, window_start from rate_limit_counters
                    where window_start < now() - make_interval(secs => $1)
                    limit $2 for update skip locked)
                """, rateLimitHorizon, Self.batchSize
            ).affectedRows
        }
        // Sign-in counters that slow nobody down any more (their own rule, in `LoginThrottle`).
        try LoginThrottle(database: database).purge()
        return deleted
    }

    /// Repeats `batch` while it fills, up to `batchesPerRound` times.
    private func batches(_ batch: () throws -> Int) throws -> Int {
        var total = 0
        for _ in 0..<Self.batchesPerRound {
            let count = try batch()
            total += count
            if count < Self.batchSize { break }
        }
        return total
    }

    private func purgeLoggingErrors() {
        do {
            let count = try purgeExpiredRows()
            if count > 0 { Log.info("retention: deleted \(count) row(s) past their period") }
        } catch {
            Log.warning("retention sweep failed: \(error)")
        }
    }
}
