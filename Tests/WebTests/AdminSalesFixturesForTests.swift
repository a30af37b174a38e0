import Foundation
import Postgres
import TestSupport
import Testing

/// Orders, vouchers, webhook deliveries and payments written straight into the database for the admin's
/// sales pages' tests, as the store and the webhook would have left them. Every number and code is
/// unique, so tests can run in parallel against one database and one server.
enum AdminSalesFixtures {
    /// `EV` and 12 characters of the order alphabet.
    static func orderNumber() -> String { "EV" + PortalFixtures.code(length: 12) }

    /// A package of the tenant's, to hang orders on.
    static func profile(tenantID: UUID, name: String = "Daily \(UUID().uuidString.prefix(4))") throws -> UUID {
        try TestDatabase.owner.query(
            """
            insert into voucher_profiles (tenant_id, name, price, validity_minutes, radius_group)
            values ($1, $2, 5000, 1440, 'test') returning id
            """, tenantID, name
        ).first!.decode("id", as: UUID.self)
    }

    /// An order created `minutesAgo` minutes ago; a pending one expires `expiresInMinutes` after now.
    @discardableResult
    static func order(
        tenantID: UUID, profileID: UUID, phone: String = "+6281200000000", status: String = "paid", minutesAgo: Int = 0,
        expiresInMinutes: Int = 60, buyerName: String = "", gatewayReference: String? = nil
    ) throws -> (id: UUID, number: String) {
        let number = orderNumber()
        let id = try TestDatabase.owner.query(
            """
            insert into voucher_orders (tenant_id, order_number, access_token_hash, idempotency_key, profile_id,
                profile_name, unit_price, validity_minutes, shared_users, radius_group, code_length, quantity, amount,
                buyer_name, buyer_phone, status, gateway_provider, gateway_reference, created_at, paid_at, expires_at)
            select $1, $2::text, repeat('0', 64), $2 || '-idempotency', id, name, price, validity_minutes, shared_users,
                radius_group, code_length, 1, price, $7, $3, $4::text, 'sandbox', $8,
                now() - make_interval(mins => $5::integer),
                case when $4 = 'paid' then now() - make_interval(mins => $5::integer) end,
                now() + make_interval(mins => $6::integer)
            from voucher_profiles where tenant_id = $1 and id = $9
            returning id
            """, tenantID, number, phone, status, minutesAgo, expiresInMinutes, buyerName, gatewayReference, profileID
        ).first!.decode("id", as: UUID.self)
        return (id, number)
    }

    @discardableResult
    static func voucher(tenantID: UUID, profileID: UUID, orderID: UUID) throws -> String {
        let code = PortalFixtures.code(length: 10)
        try TestDatabase.owner.query(
            "insert into vouchers (tenant_id, code, profile_id, order_id) values ($1, $2, $3, $4)",
            tenantID, code, profileID, orderID)
        return code
    }

    static func webhookEvent(tenantID: UUID?, reference: String, outcome: String, reason: String? = nil) throws {
        try TestDatabase.owner.query(
            """
            insert into webhook_events (provider, tenant_id, reference, dedupe_key, headers, body, outcome, reason)
            values ('sandbox', $1, $2, 'test:' || gen_random_uuid(), '{}', '{}', $3, $4)
            """, tenantID, reference, outcome, reason)
    }

    /// A WhatsApp message about `reference` in the outbox, in the state the sender would leave it.
    static func message(
        tenantID: UUID, reference: String, status: String, attempts: Int, lastError: String? = nil, sent: Bool = false
    ) throws {
        try TestDatabase.owner.query(
            """
            insert into notifications (tenant_id, channel, recipient, body, subject_ref, status, attempts, last_error,
                sent_at, next_attempt_at)
            values ($1, 'whatsapp', '+6281299990001', 'codes', $2, $3, $4, $5, case when $6 then now() end,
                now() + interval '5 minutes')
            """, tenantID, reference, status, attempts, lastError, sent)
    }

    /// A paid payment of `invoice`, as the webhook appends it.
    static func payment(tenantID: UUID, invoiceID: UUID, amount: Int64, reference: String) throws {
        try TestDatabase.owner.query(
            """
            insert into payments (tenant_id, subject, subject_id, gateway_provider, gateway_reference, amount, status)
            values ($1, 'invoice', $2, 'midtrans', $3, $4, 'paid')
            """, tenantID, invoiceID, reference, amount)
    }

    /// Where `needle` first appears in `page`, to check the order rows come in.
    static func position(of needle: String, in page: String) -> String.Index? {
        page.range(of: needle)?.lowerBound
    }

    /// The `href` of the link with `rel` (`next`, `prev`), unescaped.
    static func link(rel: String, in page: String) -> String? {
        guard let range = page.range(of: #"<a href="[^"]*" rel="\#(rel)""#, options: .regularExpression) else { return nil }
        let tag = page[range]
        let start = tag.index(tag.startIndex, offsetBy: 9)
        let end = tag[start...].firstIndex(of: "\"")!
        return String(tag[start..<end]).replacingOccurrences(of: "&amp;", with: "&")
    }

    /// How many rows the list's table body has.
    static func rowCount(in page: String) -> Int {
        guard let body = page.range(of: "<tbody>"), let end = page.range(of: "</tbody>") else { return 0 }
        return page[body.upperBound..<end.lowerBound].components(separatedBy: "<tr>").count - 1
    }
}
