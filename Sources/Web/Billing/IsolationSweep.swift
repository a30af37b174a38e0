import Foundation
import Postgres

/// Isolates subscribers who have not paid: an active subscriber with an unpaid invoice whose due date
/// plus the tenant's `isolation_grace_days` has passed (the day after that date begins, in the tenant's
/// time zone) becomes `isolated`, its PPPoE user moves from its plan's group to the tenant's isolation
/// group, the change is audited in Gerbang's name, and its live session is disconnected so the router
/// applies the isolation group at once. With a grace of 0 the subscriber is isolated as soon as the
/// invoice is overdue (the portal's rule: due date before today).
///
/// A router that refuses the Disconnect or cannot be reached is logged, not retried: the group change
/// is committed and applies at the session's next login (a router reboot or a PPPoE reconnect).
///
/// Payment in full restores the subscriber (`InvoiceFulfilment`); a voided invoice does not: the
/// admin restores by hand, because voiding is a billing correction, not a payment.
///
/// Every process runs it, like `VoucherStateSweep`: each batch is one transaction under one advisory
/// lock; on its timer a process that finds the lock taken skips the round. The Disconnects are sent
/// after the batch commits, with no connection held.
final class IsolationSweep: Sendable {
    let database: PostgresPool
    let disconnector: RadiusDisconnector
    /// The moment the sweep judges by; tests move it past a grace period.
    let now: @Sendable () -> Date
    private let timer: RepeatingTimer

    static let batchSize = 200
    static let batchesPerRound = 10

    init(
        database: PostgresPool, disconnector: RadiusDisconnector = RadiusDisconnector(), interval: Duration = .seconds(300),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.database = database
        self.disconnector = disconnector
        self.now = now
        timer = RepeatingTimer(label: "gerbang.isolation-sweep", interval: interval)
    }

    func start() {
        timer.start(immediately: false) { [weak self] in self?.sweepLoggingErrors() }
    }

    func stop() {
        timer.stop()
    }

    /// One subscriber the round isolated.
    struct Isolated: Sendable, Hashable {
        let tenantID: UUID
        let customerNumber: String
        let username: String
    }

    /// One round across every tenant (the head-office path: no tenant filter by design), or one tenant's.
    /// - Parameters:
    ///   - waiting: wait for another process's batch to end; false: skip the round instead.
    ///   - tenantID: only this tenant's subscribers (a test beside others' tenants); nil: every tenant.
    @discardableResult
    func sweep(waiting: Bool = true, tenantID: UUID? = nil) throws -> [Isolated] {
        var isolated: [Isolated] = []
        for _ in 0..<Self.batchesPerRound {
            guard
                let (batch, sessions) = try database.unscoped.transaction({ db in
                    try self.batch(on: db, waiting: waiting, tenantID: tenantID)
                })
            else { break }
            isolated += batch
            sessions.send(with: disconnector, database: database)
            guard batch.count == Self.batchSize else { break }
        }
        return isolated
    }

    /// Nil when not waiting and another process holds the lock.
    private func batch(on db: PostgresConnection, waiting: Bool, tenantID: UUID?) throws -> ([Isolated], SessionsToEnd)? {
        if waiting {
            try db.query("select pg_advisory_xact_lock(hashtext('gerbang.isolation'))")
        } else {
            let locked = try db.query("select pg_try_advisory_xact_lock(hashtext('gerbang.isolation')) as locked")
            guard try locked.first?.decode("locked", as: Bool.self) == true else { return nil }
        }
        // The oldest such invoice names the reason; the subscriber row is locked against a payment
        // settling at the same moment (which locks it too, and then sees `isolated`).
        // Candidates come from unpaid invoices due by the UTC date (no time zone's date is more than a day
        // past it, and the grace is never negative): a batch walks the small index of unpaid invoices, in
        // the order it takes subscribers, and stops at its size. At 188,000 active subscribers that is
        // 12–15 ms a batch; walking every active subscriber took 1.1–1.4 s, whether any was overdue or not.
        let rows = try db.query(
            """
            select s.tenant_id, s.id, s.customer_number, s.pppoe_username, p.radius_group as plan_radius_group, t.slug,
                i.invoice_number, i.due_date::text as due_date
            from (
                select distinct u.tenant_id, u.subscriber_id from invoices u
                where u.status = 'unpaid' and u.due_date < ($1::timestamptz at time zone 'UTC')::date + 1
                    and ($3::uuid is null or u.tenant_id = $3)
            ) c
                join subscribers s on s.tenant_id = c.tenant_id and s.id = c.subscriber_id
                join plans p on p.tenant_id = s.tenant_id and p.id = s.plan_id
                join tenants t on t.id = s.tenant_id
                join tenant_branding b on b.tenant_id = s.tenant_id
                join tenant_billing_settings g on g.tenant_id = s.tenant_id
                join lateral (
                    select o.invoice_number, o.due_date from invoices o
                    where o.tenant_id = s.tenant_id and o.subscriber_id = s.id
                        and invoice_is_overdue(o.status, o.due_date + g.isolation_grace_days, b.time_zone, $1)
                    order by o.due_date, o.invoice_number limit 1
                ) i on true
            where s.status = 'active' and t.is_active and t.deleted_at is null and ($3::uuid is null or s.tenant_id = $3)
            order by s.tenant_id, s.id
            limit $2
            for update of s skip locked
            """, now(), Self.batchSize, tenantID)
        var isolated: [Isolated] = []
        var sessions = SessionsToEnd.none
        let radius = SubscriberRadiusGroups()
        for row in rows {
            let tenantID = try row.decode("tenant_id", as: UUID.self)
            let id = try row.decode("id", as: UUID.self)
            let customerNumber = try row.decode("customer_number", as: String.self)
            let username = try row.decode("pppoe_username", as: String.self)
            let invoiceNumber = try row.decode("invoice_number", as: String.self)
            let reason = "invoice \(invoiceNumber) unpaid, due \(try row.decode("due_date", as: String.self))"
            try db.query(
                """
                update subscribers set status = 'isolated', status_changed_at = now(), status_reason = $3, updated_at = now()
                where tenant_id = $1 and id = $2
                """, tenantID, id, reason)
            try radius.isolate(
                username: username, tenantSlug: try row.decode("slug", as: String.self),
                planGroup: try row.decode("plan_radius_group", as: String.self), tenantID: tenantID, on: db)
            try db.query(
                """
                select audit($1, $2, $6, 'subscriber.isolate', $3, jsonb_build_object('status', 'active'),
                    jsonb_build_object('status', 'isolated', 'reason', $4::text, 'invoice', $5::text))
                """, tenantID, AuditActor.system.email, customerNumber, reason, invoiceNumber,
                AuditActor.system.clientAddress)
            sessions = sessions + (try SessionsToEnd.openSessions(of: username, tenantID: tenantID, on: db))
            isolated.append(Isolated(tenantID: tenantID, customerNumber: customerNumber, username: username))
        }
        return (isolated, sessions)
    }

    private func sweepLoggingErrors() {
        do {
            let isolated = try sweep(waiting: false)
            if !isolated.isEmpty { Log.info("isolated \(isolated.count) subscriber(s) with overdue invoices") }
        } catch {
            Log.warning("isolation sweep failed: \(error)")
        }
    }
}
