import Foundation
import Postgres
import Synchronization

/// Keeps `vouchers.status` true to the routers' accounting and retires expired codes.
///
/// A code, sold or printed, is `issued` until its first session appears in `radacct`, then `used`; it
/// becomes `expired` once its validity has ended (from its first session or its purchase: `valid_until`,
/// kept on the row once known) or its data quota is used up, which is when FreeRADIUS starts refusing
/// it. An expired code keeps its RADIUS rows for a grace period (so the refusal still says why, and an
/// ISP can look into a complaint); after it, `radcheck`, `radreply` and `radusergroup` lose the code and
/// it can no longer log in, while the voucher row stays as history.
///
/// A job rather than a state derived where it is read: retiring a code needs the moment it expired, kept
/// once, and the job is needed for the retiring anyway. The order pages still show the live state from
/// `radacct`; this column lags it by at most one interval.
///
/// Every process runs it. Each batch is one transaction under one advisory lock, so no two processes do
/// the same work, and a batch re-reads what it changes under that lock; on its timer a process that finds
/// the lock taken skips the round rather than hold a pooled connection while it waits. Batches are
/// bounded, so a backlog never holds the lock or a connection for long.
final class VoucherStateSweep: Sendable {
    let database: PostgresPool
    /// How long an expired code keeps its RADIUS rows.
    let grace: Duration
    private let timer: RepeatingTimer
    /// When this process's next round looks for the first session of every code still issued; nil
    /// before its first round, which does.
    private let nextFullPass = Mutex<ContinuousClock.Instant?>(nil)

    static let batchSize = 500
    static let batchesPerRound = 20
    /// Between full passes the "used" step reads only the sessions that started this recently.
    static let recentSessions: Duration = .seconds(600)
    static let fullPassInterval: Duration = .seconds(3_600)

    init(database: PostgresPool, grace: Duration, interval: Duration = .seconds(60)) {
        self.database = database
        self.grace = grace
        timer = RepeatingTimer(label: "gerbang.voucher-state-sweep", interval: interval)
    }

    func start() {
        timer.start(immediately: false) { [weak self] in self?.sweepLoggingErrors() }
    }

    func stop() {
        timer.stop()
    }

    struct Round: Sendable, Hashable {
        var used = 0
        var expired = 0
        var removed = 0
        /// Whether the "used" step looked for the first session of every code still issued, rather than
        /// only the codes of the sessions started lately.
        var readEveryIssuedCode = false
    }

    /// The three steps of a batch, in the order they run.
    private struct Steps: OptionSet {
        let rawValue: Int
        static let used = Steps(rawValue: 1)
        static let expired = Steps(rawValue: 2)
        static let removed = Steps(rawValue: 4)
        static let all: Steps = [.used, .expired, .removed]

        /// The steps that filled their batch, so may have more to do.
        init(filledIn batch: Round) {
            self = []
            if batch.used == VoucherStateSweep.batchSize { insert(.used) }
            if batch.expired == VoucherStateSweep.batchSize { insert(.expired) }
            if batch.removed == VoucherStateSweep.batchSize { insert(.removed) }
        }

        init(rawValue: Int) { self.rawValue = rawValue }
    }

    /// One round across every tenant (the head-office path: no tenant filter by design).
    ///
    /// A step that did not fill its batch has nothing left this round, and the next batches leave it out,
    /// so a round that retires a backlog from RADIUS, 500 codes at a time, does not read the codes in use
    /// again for every batch.
    ///
    /// Codes still issued pile up (printed cards not handed out yet, codes bought and never used), so
    /// the "used" step finds first sessions among the sessions started lately, through `radacct`'s index
    /// of start times: a session is seen by ten rounds. One stored with an older start (a router whose
    /// clock is wrong) is found by the full pass, which probes `radacct` for every issued code
    /// (`vouchers_issued`): at a process's first round and then hourly.
    /// - Parameter waiting: wait for another process's batch to end; false: skip the round instead.
    @discardableResult
    func sweep(waiting: Bool = true) throws -> Round {
        let startedAt = ContinuousClock.now
        var total = Round()
        total.readEveryIssuedCode = nextFullPass.withLock { next in next.map { startedAt >= $0 } ?? true }
        var steps = Steps.all
        var ran = false
        for _ in 0..<Self.batchesPerRound where !steps.isEmpty {
            guard
                let batch = try database.unscoped.transaction({ [steps, total] db in
                    try self.batch(steps, readingEveryIssuedCode: total.readEveryIssuedCode, on: db, waiting: waiting)
                })
            else { break }
            ran = true
            total.used += batch.used
            total.expired += batch.expired
            total.removed += batch.removed
            steps = Steps(filledIn: batch)
        }
        guard ran else { return Round() }
        if total.readEveryIssuedCode { nextFullPass.withLock { $0 = startedAt + Self.fullPassInterval } }
        return total
    }

    /// Nil when not waiting and another process holds the lock.
    private func batch(
        _ steps: Steps, readingEveryIssuedCode everyIssuedCode: Bool, on db: PostgresConnection, waiting: Bool
    ) throws -> Round? {
        if waiting {
            try db.query("select pg_advisory_xact_lock(hashtext('gerbang.voucher-state'))")
        } else {
            let locked = try db.query("select pg_try_advisory_xact_lock(hashtext('gerbang.voucher-state')) as locked")
            guard try locked.first?.decode("locked", as: Bool.self) == true else { return nil }
        }
        var round = Round()
        // First session: its start, as FreeRADIUS wrote it from the router's accounting; a validity that
        // runs from the first log-in ends that long after it (one from the purchase was set at issue).
        if steps.contains(.used) {
            // One branch runs, as $2 says (a one-time filter). Planned for its values, so the planner knows
            // how few sessions started in the window: that branch walks their start times and looks each
            // code up among the issued (a generic plan, made for any window, read every issued code).
            round.used = try db.query(
                PostgresStatement(
                    """
                    update vouchers v set status = 'used', first_used_at = s.first,
                        valid_until = coalesce(v.valid_until, s.first + make_interval(mins => s.validity_minutes))
                    from (
                        select w.tenant_id, w.id, coalesce(o.validity_minutes, b.validity_minutes) as validity_minutes,
                            (select coalesce(min(a.acctstarttime), min(a.acctupdatetime), now()) from radacct a
                             where a.tenant_id = w.tenant_id and a.username = w.code) as first
                        from (
                            select tenant_id, id, code, order_id, batch_id from vouchers i
                            where $2 and status = 'issued'
                                and exists (select 1 from radacct a where a.tenant_id = i.tenant_id and a.username = i.code)
                            union all
                            select tenant_id, id, code, order_id, batch_id from vouchers i
                            where not $2 and status = 'issued' and (tenant_id, code) in (
                                select a.tenant_id, a.username from radacct a
                                where a.acctstarttime >= now() - make_interval(secs => $3))
                        ) w
                        left join voucher_orders o on o.tenant_id = w.tenant_id and o.id = w.order_id
                        left join voucher_batches b on b.tenant_id = w.tenant_id and b.id = w.batch_id
                        limit $1
                    ) s
                    where v.tenant_id = s.tenant_id and v.id = s.id
                    """, Self.batchSize, everyIssuedCode, Double(Self.recentSessions.components.seconds),
                    plannedForItsValues: true)
            ).affectedRows
        }
        // The codes whose validity has ended (`vouchers_live`), and those in use with a data quota
        // (`vouchers_quota_in_use`): a quota is used up at the accounting record that crossed it (its last
        // update). Whichever came first is when the code expired. A round reads those codes, not every
        // code sold and not yet used.
        if steps.contains(.expired) {
            round.expired = try db.query(
                """
                update vouchers v set status = 'expired', expired_at = e.at
                from (
                    select c.tenant_id, c.id,
                        least(case when c.valid_until <= now() then c.valid_until end, q.used_up_at) as at
                    from (
                        select tenant_id, id, code, valid_until, data_quota_mb from vouchers
                        where status in ('issued', 'used') and valid_until <= now()
                        union
                        select tenant_id, id, code, valid_until, data_quota_mb from vouchers
                        where status = 'used' and data_quota_mb is not null
                    ) c
                    left join lateral (
                        select max(coalesce(a.acctupdatetime, a.acctstoptime, a.acctstarttime)) as used_up_at
                        from radacct a
                        where c.data_quota_mb is not null and a.tenant_id = c.tenant_id and a.username = c.code
                        having sum(coalesce(a.acctinputoctets, 0) + coalesce(a.acctoutputoctets, 0))
                            >= c.data_quota_mb * 1048576
                    ) q on true
                    where c.valid_until <= now() or q.used_up_at is not null
                    limit $1
                ) e
                where v.tenant_id = e.tenant_id and v.id = e.id
                """, Self.batchSize
            ).affectedRows
        }
        // Data-modifying CTEs all run, whether or not the final statement reads them.
        if steps.contains(.removed) {
            round.removed = try db.query(
                """
                with batch as (
                    select tenant_id, id, code from vouchers
                    where status = 'expired' and radius_removed_at is null
                        and expired_at < now() - make_interval(secs => $1)
                    order by expired_at limit $2
                ), checks as (
                    delete from radcheck r using batch b where r.tenant_id = b.tenant_id and r.username = b.code
                ), replies as (
                    delete from radreply r using batch b where r.tenant_id = b.tenant_id and r.username = b.code
                ), groups as (
                    delete from radusergroup r using batch b where r.tenant_id = b.tenant_id and r.username = b.code
                )
                update vouchers v set radius_removed_at = now() from batch b where v.tenant_id = b.tenant_id and v.id = b.id
                """, Int(grace.components.seconds), Self.batchSize
            ).affectedRows
        }
        return round
    }

    private func sweepLoggingErrors() {
        do {
            let round = try sweep(waiting: false)
            if round.removed > 0 { Log.info("retired \(round.removed) expired voucher code(s) from RADIUS") }
        } catch {
            Log.warning("voucher state sweep failed: \(error)")
        }
    }
}
