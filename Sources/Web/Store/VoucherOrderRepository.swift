import Foundation
import Postgres

/// Voucher orders of one tenant at a time: every method takes the tenant and scopes by it.
/// The buyer's access token is hashed in SQL; only its SHA-256 is ever stored or compared.
struct VoucherOrderRepository: Sendable {
    let database: PostgresPool

    /// What `create` answers: the order, and the access token when this call created it (an order an
    /// earlier submit created keeps its token secret from us: only its hash exists).
    struct Creation: Sendable {
        let order: VoucherOrder
        let accessToken: String?
    }

    /// Creates the pending order for one submit, copying what it sells from the profile, or finds the
    /// order an earlier submit of the same form (same idempotency key) created.
    ///
    /// A new order is committed already claimed for its checkout (`checkout_started_at`, see
    /// `CheckoutClaims`), so the submit that created it goes straight to the gateway
    /// (`PaymentCheckout.openClaimed`) instead of locking and claiming it in a transaction of its own; a
    /// double submit meanwhile finds the claim and waits for the page, as it would after a claim.
    /// - Returns: nil when the profile is not on sale for this tenant.
    func create(_ submission: OrderSubmission, language: String, expiresIn expiry: Duration, for tenant: Tenant) throws
        -> Creation?
    {
        // Parameters bound to domain columns are sent as text: a parameter typed as the domain is read
        // by `domain_in`, which builds the domain's check afresh for every call, while the column's own
        // coercion checks it with the plan's cached expression. And a plain insert, whose unique key
        // answers a double submit: `on conflict do nothing` would make every order a speculative insert
        // (its key probed first, its row confirmed after) for the sake of the rare repeat.
        for _ in 0..<5 {
            let number = "EV" + RandomToken.code(length: 12)
            let token = RandomToken.hex()
            do {
                let rows = try database.scoped(to: tenant).query(
                    """
                    insert into voucher_orders (tenant_id, order_number, access_token_hash, idempotency_key,
                        profile_id, profile_name, unit_price, validity_minutes, validity_from, data_quota_mb, download_kbps,
                        upload_kbps, shared_users, radius_group, code_length, quantity, amount, buyer_name,
                        buyer_phone, buyer_email, language, expires_at, checkout_started_at)
                    select p.tenant_id, $3::text, encode(sha256(convert_to($4, 'UTF8')), 'hex'), $5::text,
                        p.id, p.name, p.price, p.validity_minutes, p.validity_from, p.data_quota_mb, p.download_kbps,
                        p.upload_kbps, p.shared_users, p.radius_group, p.code_length, $6::integer,
                        p.price * $6::integer, $7, $8::text, $9, $10::text,
                        now() + make_interval(secs => $11::double precision), now()
                    from voucher_profiles p
                    where p.tenant_id = $1 and p.id = $2 and p.evoucher_access and p.deleted_at is null
                    returning *
                    """,
                    tenant.id, submission.profileID, number, token, submission.idempotencyKey, submission.quantity,
                    submission.name, submission.phone, submission.email, language, Int(expiry.components.seconds))
                if let row = rows.first { return Creation(order: try VoucherOrder(row: row), accessToken: token) }
            } catch let error as PostgresError where error.isUniqueViolation {
                if error.constraint?.contains("order_number") == true { continue }  // drawn twice: draw again
                guard error.constraint?.contains("idempotency_key") == true else { throw error }
            }
            // The same form again (an earlier submit's order), or a package no longer on sale (none).
            return try order(idempotencyKey: submission.idempotencyKey, for: tenant).map {
                Creation(order: $0, accessToken: nil)
            }
        }
        throw PostgresError(.query, "could not draw an unused order number")
    }

    func order(idempotencyKey: String, for tenant: Tenant) throws -> VoucherOrder? {
        let rows = try database.scoped(to: tenant).query(
            """
            select * from voucher_order_rows where tenant_id = $1 and idempotency_key = $2
            """, tenant.id, idempotencyKey)
        return try rows.first.map(VoucherOrder.init(row:))
    }

    /// The order only for whoever holds its access token; nil for a wrong token or another tenant's order.
    func order(number: String, accessToken: String, for tenant: Tenant) throws -> VoucherOrder? {
        let rows = try database.scoped(to: tenant).query(
            """
            select * from voucher_order_rows
            where tenant_id = $1 and order_number = $2 and access_token_hash = encode(sha256(convert_to($3, 'UTF8')), 'hex')
            """, tenant.id, number, accessToken)
        return try rows.first.map(VoucherOrder.init(row:))
    }

    /// The order by number alone, for the sandbox checkout page, which shows nothing secret.
    func order(number: String, for tenant: Tenant) throws -> VoucherOrder? {
        let rows = try database.scoped(to: tenant).query(
            """
            select * from voucher_order_rows where tenant_id = $1 and order_number = $2
            """, tenant.id, number)
        return try rows.first.map(VoucherOrder.init(row:))
    }

    /// The order, locked until `connection`'s transaction ends, so only one checkout is opened for it.
    func lockedOrder(id: UUID, for tenant: Tenant, on connection: PostgresConnection) throws -> VoucherOrder? {
        let rows = try connection.query(
            """
            select * from voucher_order_rows where tenant_id = $1 and id = $2
            for update
            """, tenant.id, id)
        return try rows.first.map(VoucherOrder.init(row:))
    }

    /// Remembers which account opened the checkout (the webhook verifies with it) and where it lives,
    /// and lifts the submit's claim (`CheckoutClaims`) in the same write. An order that stopped waiting
    /// for payment during the gateway call (it expired) only loses the claim.
    func recordCheckout(
        _ checkout: Checkout, account: PaymentGatewayAccount, orderID: UUID, for tenant: Tenant,
        on connection: PostgresConnection
    ) throws {
        try connection.enqueue(
            """
            update voucher_orders
            set checkout_started_at = null,
                gateway_id = case when status = 'pending' then $3::uuid else gateway_id end,
                gateway_provider = case when status = 'pending' then $4 else gateway_provider end,
                gateway_reference = case when status = 'pending' then $5 else gateway_reference end,
                checkout_url = case when status = 'pending' then $6 else checkout_url end,
                checkout_opened_at = case when status = 'pending' then now() else checkout_opened_at end
            where tenant_id = $1 and id = $2
            """, tenant.id, orderID, account.id, account.provider.rawValue, checkout.gatewayReference,
            checkout.redirectURL)
    }

    /// Gives the order a new access token (the old one stops working) and returns it. For a checkout
    /// opened by a submit that never learnt the token: the gateway's return link must carry one.
    func replaceAccessToken(orderID: UUID, for tenant: Tenant, on connection: PostgresConnection) throws -> String {
        let token = RandomToken.hex()
        try connection.enqueue(
            """
            update voucher_orders set access_token_hash = encode(sha256(convert_to($3, 'UTF8')), 'hex')
            where tenant_id = $1 and id = $2
            """, tenant.id, orderID, token)
        return token
    }

    /// The order's voucher codes, in the order they were issued.
    func voucherCodes(orderID: UUID, for tenant: Tenant) throws -> [String] {
        let rows = try database.scoped(to: tenant).query(
            "select code from vouchers where tenant_id = $1 and order_id = $2 order by created_at, code", tenant.id, orderID)
        return try rows.map { try $0.decode("code", as: String.self) }
    }
}
