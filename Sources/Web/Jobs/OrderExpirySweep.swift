import Dispatch
import Postgres
import Synchronization

/// Marks pending orders past their deadline as expired, for every tenant at once, on a timer.
/// Readers never wait for it (`VoucherOrder.effectiveStatus` already shows such orders expired);
/// it keeps the table truthful for reports and for anything that reads status directly.
final class OrderExpirySweep: Sendable {
    let database: PostgresPool
    let interval: Duration
    private let queue = DispatchQueue(label: "gerbang.order-expiry-sweep")
    private let timer = Mutex<(any DispatchSourceTimer)?>(nil)

    init(database: PostgresPool, interval: Duration = .seconds(30)) {
        self.database = database
        self.interval = interval
    }

    /// Starts sweeping: once right away, then every `interval`. Calling it twice changes nothing.
    func start() {
        timer.withLock { timer in
            guard timer == nil else { return }
            let source = DispatchSource.makeTimerSource(queue: queue)
            let milliseconds = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
            source.schedule(deadline: .now(), repeating: .milliseconds(max(milliseconds, 10)), leeway: .milliseconds(100))
            source.setEventHandler { [weak self] in self?.sweepLoggingErrors() }
            source.resume()
            timer = source
        }
    }

    func stop() {
        timer.withLock { timer in
            timer?.cancel()
            timer = nil
        }
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
