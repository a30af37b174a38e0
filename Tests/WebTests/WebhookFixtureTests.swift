import Foundation
import Postgres
import TestSupport
import Testing

/// Orders, profiles and gateway accounts arranged in SQL the way the store writes them, and webhook
/// deliveries signed exactly as each gateway signs them (hashes computed by PostgreSQL, like the app).
enum StoreFixtures {
    static var owner: PostgresPool { TestDatabase.owner }

    struct Profile {
        var price: Int64 = 5_000
        var validityMinutes = 180
        var quotaMB: Int64? = 2_048
        var downloadKbps: Int? = 2_048
        var uploadKbps: Int? = 512
        var sharedUsers = 1
        var radiusGroup = "hotspot-3h"
        var codeLength = 8
        var validityFrom = "first_login"
    }

    struct Order {
        let id: UUID
        let tenantID: UUID
        let number: String
        let amount: Int64
    }

    /// A tenant that takes payments through its own account of `provider` with these settings.
    static func tenant(provider: String, settings: [String: String], slug: String = TestDatabase.uniqueSlug("wh"))
        throws -> (id: UUID, slug: String, gatewayID: UUID)
    {
        let tenant = try TestDatabase.createTenant(slug: slug, name: "Webhook ISP \(slug)")
        try owner.query("update tenants set use_custom_payment_gateway = true where id = $1", tenant.id)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: settings), as: UTF8.self)
        let gatewayID = try owner.query(
            """
            insert into payment_gateways (tenant_id, provider, settings, is_sandbox, is_active)
            values ($1, $2, $3::jsonb, true, true) returning id
            """, tenant.id, provider, json
        ).first!.decode("id", as: UUID.self)
        return (tenant.id, tenant.slug, gatewayID)
    }

    static func profile(tenantID: UUID, _ profile: Profile = Profile()) throws -> UUID {
        try owner.query(
            """
            insert into voucher_profiles (tenant_id, name, price, validity_minutes, data_quota_mb, download_kbps,
                upload_kbps, shared_users, radius_group, code_length, validity_from)
            values ($1, '3 Jam', $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id
            """, tenantID, profile.price, profile.validityMinutes, profile.quotaMB, profile.downloadKbps,
            profile.uploadKbps, profile.sharedUsers, profile.radiusGroup, profile.codeLength, profile.validityFrom
        ).first!.decode("id", as: UUID.self)
    }

    /// A pending order opened with `gatewayID`, copying the profile as the store does.
    static func order(
        tenantID: UUID, profileID: UUID, gatewayID: UUID, provider: String, quantity: Int = 2,
        status: String = "pending", expiresIn: TimeInterval = 3600, language: String = "id"
    ) throws -> Order {
        let number = "EV" + RandomCode.make(12)
        let row = try owner.query(
            """
            insert into voucher_orders (tenant_id, order_number, access_token_hash, idempotency_key, profile_id,
                profile_name, unit_price, validity_minutes, data_quota_mb, download_kbps, upload_kbps, shared_users,
                radius_group, code_length, quantity, amount, buyer_phone, language, status, gateway_id,
                gateway_provider, gateway_reference, expires_at, validity_from)
            select $1, $2::text, encode(sha256(convert_to($2, 'UTF8')), 'hex'), md5($2) , p.id, p.name, p.price,
                p.validity_minutes, p.data_quota_mb, p.download_kbps, p.upload_kbps, p.shared_users, p.radius_group,
                p.code_length, $4::int, p.price * $4::int, '+6281234567890', $5, $6, $7, $8, 'ref-' || $2,
                now() + make_interval(secs => $9), p.validity_from
            from voucher_profiles p where p.tenant_id = $1 and p.id = $3
            returning id, amount
            """, tenantID, number, profileID, quantity, language, status, gatewayID, provider, expiresIn
        ).first!
        return Order(id: try row.decode("id"), tenantID: tenantID, number: number, amount: try row.decode("amount"))
    }

    static func orderStatus(_ order: Order) throws -> String {
        try owner.query("select status from voucher_orders where id = $1", order.id).first!.decode("status")
    }

    static func count(_ table: Table, for order: Order) throws -> Int {
        let rows: PostgresRows
        switch table {
        case .vouchers: rows = try owner.query("select count(*) as n from vouchers where order_id = $1", order.id)
        case .payments: rows = try owner.query("select count(*) as n from payments where subject_id = $1", order.id)
        case .notifications:
            rows = try owner.query("select count(*) as n from notifications where subject_ref = $1", order.number)
        case .radcheck:
            rows = try owner.query(
                "select count(*) as n from radcheck r join vouchers v on v.code = r.username where v.order_id = $1",
                order.id)
        }
        return try rows.first!.decode("n", as: Int.self)
    }

    enum Table { case vouchers, payments, notifications, radcheck }

    /// The outcomes of the events stored for an order number, oldest first.
    static func eventOutcomes(_ number: String) throws -> [String] {
        try owner.query("select outcome from webhook_events where reference = $1 order by id", number)
            .map { try $0.decode("outcome", as: String.self) }
    }

    // MARK: Signing, as the gateways do

    static func sha512Hex(_ text: String) throws -> String {
        try owner.query("select encode(sha512(convert_to($1, 'UTF8')), 'hex') as d", text).first!.decode("d")
    }

    static func hmacSHA256Hex(key: String, message: String) throws -> String {
        try owner.query(
            "select encode(hmac(convert_to($2, 'UTF8'), convert_to($1, 'UTF8'), 'sha256'), 'hex') as d", key, message
        ).first!.decode("d")
    }

    /// A Midtrans HTTP notification; `signWith` signs it (nil: leave the given signature).
    static func midtransBody(
        orderID: String, status: String, grossAmount: String, serverKey: String, statusCode: String = "200",
        signatureOverride: String? = nil, fraudStatus: String = "accept"
    ) throws -> String {
        let signature = try signatureOverride ?? sha512Hex(orderID + statusCode + grossAmount + serverKey)
        let object: [String: String] = [
            "transaction_time": "2024-01-02 10:00:00", "transaction_status": status, "transaction_id": "mt-" + orderID,
            "status_message": "midtrans payment notification", "status_code": statusCode, "signature_key": signature,
            "payment_type": "qris", "order_id": orderID, "merchant_id": "G123456789", "gross_amount": grossAmount,
            "fraud_status": fraudStatus, "currency": "IDR",
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func xenditBody(externalID: String, status: String, amount: Int64) throws -> String {
        let object: [String: Any] = [
            "id": "inv-" + externalID, "external_id": externalID, "status": status, "amount": amount,
            "paid_amount": amount, "currency": "IDR", "payment_method": "EWALLET", "payer_email": "",
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A pending order of a new tenant whose own account is a sandbox, and the "paid" delivery the
    /// sandbox would send for it: its body and its `X-Sandbox-Signature`.
    static func sandboxOrderWithPaidDelivery(quantity: Int = 1) throws -> (order: Order, body: String, signature: String) {
        let secret = RandomCode.make(32)
        let tenant = try tenant(provider: "sandbox", settings: ["secret": secret])
        let order = try order(
            tenantID: tenant.id, profileID: try profile(tenantID: tenant.id), gatewayID: tenant.gatewayID,
            provider: "sandbox", quantity: quantity)
        let body = try sandboxBody(reference: order.number, status: "paid", amount: order.amount)
        return (order, body, try hmacSHA256Hex(key: secret, message: body))
    }

    static func sandboxBody(reference: String, status: String, amount: Int64) throws -> String {
        let object: [String: Any] = [
            "reference": reference, "gateway_reference": "sbx_test", "status": status, "amount": amount, "currency": "IDR",
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// POSTs a delivery to the central webhook.
    static func deliver(
        _ provider: String, body: String, headers: [(String, String)] = [],
        server: any TestServer = SharedServer.application, host: String = "localhost"
    ) throws -> TestHTTPResponse {
        try server.request(
            method: "POST", path: "/payments/webhook/" + provider, host: host,
            headers: [("Content-Type", "application/json")] + headers, body: Array(body.utf8))
    }
}

/// Order-number characters, like `RandomToken.code` (the test target does not reach into the app for it).
enum RandomCode {
    static let alphabet = Array("34679ACDEFGHJKMNPQRTUVWXY")
    static func make(_ length: Int) -> String {
        String((0..<length).map { _ in alphabet.randomElement()! })
    }
}

@Suite struct WebhookFixtureTests {
    /// The fixtures sign Midtrans notifications the documented way: the reference's worked example.
    @Test func midtransSigningReproducesTheWorkedExample() throws {
        let signature = try StoreFixtures.sha512Hex("Postman-1578568851" + "200" + "10000.00" + "SB-Mid-server-abc123cde456")
        #expect(
            signature
                == "6e0698716a2c069ad2ad1630836cd3f00ee958c01e16ecce6231d5ab3316667bc81477ae656eedded9ec04bb41f3c93c640b5b6a7c8dcea921fcdfaf717f8990"
        )
    }
}
