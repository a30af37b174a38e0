import Foundation
import Postgres
import Templates

/// The monthly billing: on each subscriber's billing day, in the tenant's time zone, one invoice for
/// the month with a pay link sent by WhatsApp; then the reminders before and on the due date, and the
/// message after isolation (the isolation job marks the subscriber; this job sees it in the data).
///
/// Active and isolated subscribers are invoiced (an isolated one still owes the month and needs the
/// link to pay its way back); suspended and terminated ones are not. Every process runs the job; each
/// tenant's work is one transaction under that tenant's advisory lock, so two processes or instances
/// never invoice the same tenant at once, and `invoices_one_per_period` would refuse a second invoice
/// for a month anyway. It looks at what is due now rather than at what happened since the last run,
/// so a run after downtime makes the invoices it missed, one per subscriber and month.
final class BillingRun: Sendable {
    let database: PostgresPool
    let baseDomain: String
    private let timer: RepeatingTimer

    /// Invoices (or reminders) per transaction, so a large tenant never holds its lock for long.
    static let batchSize = 200

    /// The id every subscriber's id comes after (PostgreSQL orders uuids by their bytes).
    static let beforeEverySubscriber = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    init(database: PostgresPool, baseDomain: String, interval: Duration = .seconds(300)) {
        self.database = database
        self.baseDomain = baseDomain
        timer = RepeatingTimer(label: "gerbang.billing-run", interval: interval)
    }

    func start() {
        timer.start(immediately: true) { [weak self] in self?.runLoggingErrors() }
    }

    func stop() {
        timer.stop()
    }

    struct Round: Sendable, Hashable {
        var invoices = 0
        var reminders = 0
    }

    /// One run over every active tenant (or only `tenantID`), as of `now`.
    /// - Parameter waiting: wait for another process's run of a tenant to end; false: skip that tenant.
    @discardableResult
    func run(now: Date = Date(), tenantID: UUID? = nil, waiting: Bool = true) throws -> Round {
        let tenants = try database.unscoped.query(
            """
            select id from tenants where is_active and deleted_at is null and ($1::uuid is null or id = $1)
            order by created_at
            """, tenantID)
        var total = Round()
        var failure: (any Error)?
        for row in tenants {
            let id = try row.decode("id", as: UUID.self)
            // One tenant's failure (a number an import already used) must not stop everyone's billing.
            do {
                try run(tenant: id, now: now, waiting: waiting, into: &total)
            } catch {
                Log.warning("billing run for tenant \(id) failed: \(error)")
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return total
    }

    /// One tenant's invoices, then its reminders, a batch per transaction. The invoices go through the
    /// subscribers in the order of their ids, each batch starting after the last subscriber the one
    /// before looked at, so a batch reads its own candidates only: re-reading every remaining candidate
    /// for each batch made a large tenant's run grow with the square of its subscribers.
    private func run(tenant id: UUID, now: Date, waiting: Bool, into total: inout Round) throws {
        var after: UUID? = Self.beforeEverySubscriber
        while true {
            let from = after
            guard
                let batch = try database.scoped(toTenantID: id).transaction({ db in
                    try self.batch(of: id, invoicingAfter: from, now: now, waiting: waiting, on: db)
                })
            else { return }
            total.invoices += batch.round.invoices
            total.reminders += batch.round.reminders
            if from != nil { after = batch.nextSubscriber }
            guard after != nil || batch.round.reminders == Self.batchSize else { return }
        }
    }

    /// What one transaction did, and where the next one starts.
    private struct Batch {
        var round = Round()
        /// The subscriber the next invoice batch starts after; nil once every subscriber was looked
        /// at (the batch went on to the reminders).
        var nextSubscriber: UUID?
    }

    /// Invoices the next batch of subscribers after `invoicingAfter`, then (once every subscriber was
    /// looked at, or with nil) sends a batch of reminders. Nil when not waiting and another process
    /// holds the tenant's lock.
    private func batch(
        of tenantID: UUID, invoicingAfter after: UUID?, now: Date, waiting: Bool, on db: PostgresConnection
    ) throws -> Batch? {
        if waiting {
            try db.query("select pg_advisory_xact_lock(hashtext('gerbang.billing'), hashtext($1::text))", tenantID)
        } else {
            let locked = try db.query(
                "select pg_try_advisory_xact_lock(hashtext('gerbang.billing'), hashtext($1::text)) as locked", tenantID)
            guard try locked.first?.decode("locked", as: Bool.self) == true else { return nil }
        }
        guard let tenant = try BillingTenant.load(tenantID, baseDomain: baseDomain, on: db) else { return Batch() }
        let today = CalendarDay(now, in: tenant.timeZone)
        var batch = Batch()
        if let after {
            let invoiced = try invoice(tenant, today: today, after: after, on: db)
            batch = Batch(round: Round(invoices: invoiced.made), nextSubscriber: invoiced.lastLookedAt)
            guard batch.nextSubscriber == nil else { return batch }
        }
        // Every subscriber was looked at: the reminders start, in the same transaction (a small tenant's
        // whole run is one).
        batch.round.reminders = try remind(tenant, today: today, on: db)
        return batch
    }

    private func runLoggingErrors() {
        do {
            let round = try run(waiting: false)
            if round.invoices > 0 { Log.info("billing run made \(round.invoices) invoice(s)") }
        } catch {
            Log.warning("billing run failed: \(error)")
        }
    }
}
