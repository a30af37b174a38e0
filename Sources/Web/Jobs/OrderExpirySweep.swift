import Dispatch
import Postgres

/// Marks pending orders past their deadline as expired, for every tenant at once, on a timer.
/// Readers never wait for it (`VoucherOrder.effectiveStatus` already shows such orders expired);
/// it keeps the table truthful for reports and for anything that reads status directly.
final class OrderExpirySweep: Sendable {
    let database: PostgresPool
    private let timer: RepeatingTimer

    init(database: PostgresPool, interval: Duration = .seconds(30)) {
        self.database = database
        timer = RepeatingTimer(label: "gerbang.order-expiry-sweep", interval: interval)
    }

    /// Starts sweeping: once right away, then every interval. Calling it twice changes nothing.
    func start() {
        timer.start(immediately: true) { [weak self] in self?.sweepLoggingErrors() }
    }

    func stop() {
        timer.stop()
    }

    /// The head-office path: one UPDATE across all tenants, no tenant filter by design.
    /// - Returns: how many orders it expired.
    @discardableResult
    func expireOverdueOrdersOfAllTenants() throws -> Int {
        try database.unscoped.query(
            "update voucher_orders set status = 'expired' where status = 'pending' and expires_at <= now()"
        ).affectedRows
    }

    private func sweepLoggingErrors() {
        do {
            let count = try expireOverdueOrdersOfAllTenants()
            if count > 0 { Log.info("expired \(count) unpaid order(s)") }
        } catch {
            Log.warning("order expiry sweep failed: \(error)")
        }
    }
}
