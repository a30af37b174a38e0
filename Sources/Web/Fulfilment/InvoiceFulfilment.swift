import Foundation
import Postgres

/// Paying a subscriber's invoice: `unpaid → paid`; and when the subscriber was isolated for
/// non-payment and no other invoice is overdue, active again, with its PPPoE user moved back from the
/// isolation group to its plan's group, in the same transaction, and its live session disconnected
/// after the commit so the plan applies at once. A failed or expired checkout leaves
/// the invoice unpaid and forgets the gateway's page. Run by `PaymentFulfilment`.
///
/// "Overdue" is `invoice_is_overdue`: unpaid with a due date before today in the tenant's time zone.
struct InvoiceFulfilment: FulfilmentStep {
    let subject: Invoice
    let invoices: InvoiceRepository
    let radius = SubscriberRadiusGroups()

    func lockedState(on db: PostgresConnection) throws -> FulfilmentState {
        guard let locked = try invoices.lockedInvoice(number: subject.number, tenantID: subject.tenantID, on: db) else {
            throw PostgresError(.query, "invoice \(subject.paymentReference) disappeared")
        }
        switch locked.status {
        case .unpaid: return .awaitingPayment
        case .paid: return .paid
        case .void: return .void
        }
    }

    func fulfil(_ event: PaymentEvent, on db: PostgresConnection) throws -> SessionsToEnd {
        try settle(on: db)
    }

    /// What paying the invoice in full means, however the money came (a gateway, or the counter once its
    /// payments reach the amount): paid, and the subscriber reinstated. Inside the caller's transaction,
    /// which holds the invoice's row lock.
    /// - Returns: the reinstated subscriber's live sessions, to end after the commit so its plan's group
    ///   applies at once; none when it was not isolated.
    func settle(on db: PostgresConnection) throws -> SessionsToEnd {
        try invoices.markPaid(invoiceID: subject.id, tenantID: subject.tenantID, on: db)
        return try reinstateSubscriber(on: db)
    }

    func close(as status: PaymentEvent.Status, event: PaymentEvent, on db: PostgresConnection) throws {
        try invoices.forgetCheckout(
            invoiceID: subject.id, tenantID: subject.tenantID, gatewayReference: event.gatewayReference, on: db)
    }

    /// The subscriber row is locked too, so two invoices of one subscriber paid at once decide in turn.
    private func reinstateSubscriber(on db: PostgresConnection) throws -> SessionsToEnd {
        let rows = try db.query(
            """
            select s.status, s.pppoe_username, p.radius_group as plan_radius_group, t.slug,
                exists (
                    select 1 from invoices o
                    where o.tenant_id = s.tenant_id and o.subscriber_id = s.id
                        and invoice_is_overdue(o.status, o.due_date, b.time_zone)
                ) as has_overdue
            from subscribers s
            join plans p on p.tenant_id = s.tenant_id and p.id = s.plan_id
            join tenants t on t.id = s.tenant_id
            join tenant_branding b on b.tenant_id = s.tenant_id
            where s.tenant_id = $1 and s.id = $2
            for update of s
            """, subject.tenantID, subject.subscriberID)
        guard let row = rows.first else { throw PostgresError(.query, "subscriber of \(subject.number) disappeared") }
        guard try row.decode("status", as: String.self) == Subscriber.Status.isolated.rawValue,
            try !row.decode("has_overdue", as: Bool.self)
        else { return .none }
        try db.query(
            """
            update subscribers set status = 'active', updated_at = now(), status_changed_at = now(),
                status_reason = 'invoice ' || $3 || ' paid'
            where tenant_id = $1 and id = $2
            """, subject.tenantID, subject.subscriberID, subject.number)
        let username = try row.decode("pppoe_username", as: String.self)
        try radius.restore(
            username: username, tenantSlug: try row.decode("slug", as: String.self),
            planGroup: try row.decode("plan_radius_group", as: String.self), tenantID: subject.tenantID, on: db)
        return try SessionsToEnd.openSessions(of: username, tenantID: subject.tenantID, on: db)
    }
}
