import Dispatch
import Foundation
import Postgres
import Synchronization

/// Counts each tenant's usage in memory and adds it to `tenant_usage` in batches: every `interval`
/// and once more at shutdown. A page view costs a dictionary update under one of several locks
/// (`Striped`), never a database write; instances add their own batches, so the table holds the sum
/// over all of them.
///
/// The month is taken from `clock` when the activity is recorded (the moment the request arrived),
/// not when the batch is flushed: a batch that straddles midnight UTC on the last day of a month
/// writes two rows. Tests inject the clock to prove both edges.
final class UsageMeter: Sendable {
    let database: PostgresPool
    let clock: @Sendable () -> Date
    private let pending = Striped([Key: UsageCounts]())
    private let timer: RepeatingTimer

    /// How many of the stripes one tenant's counts may be spread over (`Striped.withStripe`).
    private static let spread = 4

    struct Key: Hashable, Sendable {
        let tenantID: UUID
        let month: UsageMonth
    }

    init(database: PostgresPool, interval: Duration = .seconds(5), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
        timer = RepeatingTimer(label: "gerbang.usage-flush", interval: interval)
    }

    /// Adds `counts` to the tenant's current month (by `clock`, or `at` when given).
    func record(_ counts: UsageCounts, tenantID: UUID, at moment: Date? = nil) {
        guard !counts.isEmpty else { return }
        let key = Key(tenantID: tenantID, month: UsageMonth(containing: moment ?? clock()))
        add(counts, to: key)
    }

    private func add(_ counts: UsageCounts, to key: Key) {
        pending.withStripe(for: key, spread: Self.spread) { $0[key, default: UsageCounts()] += counts }
    }

    /// The tenant-months counted and not yet flushed, over every stripe: what the meter holds in memory.
    var pendingEntries: Int { pending.map(\.count).reduce(0, +) }

    func recordPageView(tenantID: UUID, at moment: Date? = nil) {
        record(UsageCounts(pageViews: 1), tenantID: tenantID, at: moment)
    }

    /// Writes and forgets everything counted so far, one upsert per tenant and month, each in that
    /// tenant's scope. A batch that fails is put back, to be added by the next flush.
    func flush() throws {
        var batch: [Key: UsageCounts] = [:]
        for part in pending.map({ part in
            // Not keeping the capacity: a burst of many tenants would hold its size until the process ends.
            defer { part.removeAll() }
            return part
        }) {
            batch.merge(part) { total, more in
                var sum = total
                sum += more
                return sum
            }
        }
        var firstError: (any Error)?
        for (key, counts) in batch {
            do {
                try write(counts, for: key)
            } catch {
                add(counts, to: key)
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
    }

    /// Flushes every `interval` until `stop`. Calling it twice changes nothing.
    func start() {
        timer.start(immediately: false) { [weak self] in self?.flushLoggingErrors() }
    }

    /// Stops the timer and writes what is left, so a graceful stop loses nothing counted.
    func stop() {
        timer.stop()
        timer.runNow { flushLoggingErrors() }
    }

    private func write(_ counts: UsageCounts, for key: Key) throws {
        try database.scoped(toTenantID: key.tenantID).query(
            """
            insert into tenant_usage (tenant_id, period, page_views, orders, paid_orders, paid_amount, webhook_calls)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (tenant_id, period) do update set
                page_views = tenant_usage.page_views + excluded.page_views,
                orders = tenant_usage.orders + excluded.orders,
                paid_orders = tenant_usage.paid_orders + excluded.paid_orders,
                paid_amount = tenant_usage.paid_amount + excluded.paid_amount,
                webhook_calls = tenant_usage.webhook_calls + excluded.webhook_calls,
                updated_at = now()
            """, key.tenantID, key.month.description, counts.pageViews, counts.orders, counts.paidOrders,
            counts.paidAmount, counts.webhookCalls)
    }

    private func flushLoggingErrors() {
        do {
            try flush()
        } catch {
            Log.warning("usage flush failed (kept for the next one): \(error)")
        }
    }
}
