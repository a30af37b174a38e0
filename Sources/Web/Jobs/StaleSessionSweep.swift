import Dispatch
import Postgres

/// Closes sessions whose router stopped reporting: no interim update for three intervals (the router
/// rebooted or lost its link, and will never send their Stop). Left open, they would count against a
/// code's shared users and show as online forever. Across all tenants on a timer; the UPDATE is
/// idempotent, so any number of instances may run it.
final class StaleSessionSweep: Sendable {
    /// Intervals without an update before a session is stale.
    static let missedIntervals = 3
    /// When the router never said its interim interval: MikroTik's usual `interim-update=5m`.
    static let defaultIntervalSeconds = 300

    let database: PostgresPool
    private let timer: RepeatingTimer

    init(database: PostgresPool, interval: Duration = .seconds(60)) {
        self.database = database
        timer = RepeatingTimer(label: "gerbang.stale-session-sweep", interval: interval)
    }

    func start() {
        timer.start(immediately: true) { [weak self] in self?.sweepLoggingErrors() }
    }

    func stop() {
        timer.stop()
    }

    /// The head-office path: one UPDATE across all tenants, no tenant filter by design. A stale session
    /// ends at its last update, the last moment it was known to be alive.
    /// - Returns: how many sessions it closed.
    @discardableResult
    func closeStaleSessionsOfAllTenants() throws -> Int {
        try database.unscoped.query(
            """
            update radacct set acctstoptime = coalesce(acctupdatetime, acctstarttime),
                acctterminatecause = 'Stale-Session'
            where acctstoptime is null
              and coalesce(acctupdatetime, acctstarttime)
                  < now() - make_interval(secs => $1::integer * coalesce(nullif(acctinterval, 0), $2::integer))
            """, Self.missedIntervals, Self.defaultIntervalSeconds
        ).affectedRows
    }

    private func sweepLoggingErrors() {
        do {
            let count = try closeStaleSessionsOfAllTenants()
            if count > 0 { Log.info("closed \(count) stale RADIUS session(s)") }
        } catch {
            Log.warning("stale session sweep failed: \(error)")
        }
    }
}
