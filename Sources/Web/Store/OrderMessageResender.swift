import Foundation
import Postgres

/// Queues an order's WhatsApp message once more, for support: the buyer lost it, or typed a wrong
/// number. The text is the one already queued for the order, so it carries the same codes; only the
/// recipient may differ. One transaction holds the new message and its `audit_log` row.
struct OrderMessageResender: Sendable {
    let database: PostgresPool

    /// - Parameter phone: a normalised `+62…` number.
    /// - Returns: false when the order has no message to repeat (it has issued no codes).
    func resend(orderNumber: String, to phone: String, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        try database.scoped(to: tenant).transaction { db in
            let queued = try db.query(
                """
                with queued as (
                    insert into notifications (tenant_id, channel, recipient, body, subject_ref)
                    select tenant_id, channel, $3, body, subject_ref from notifications
                    where tenant_id = $1 and subject_ref = $2 and channel = 'whatsapp'
                    order by created_at desc, id desc
                    limit 1
                    returning id
                )
                select audit($1, $4, $5, 'order.resend_whatsapp', $2, after => jsonb_build_object('recipient', $3::text))
                from queued
                """, tenant.id, orderNumber, phone, actor.email, actor.clientAddress)
            return !queued.isEmpty
        }
    }
}
