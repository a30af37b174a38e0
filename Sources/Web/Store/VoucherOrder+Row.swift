import Foundation
import Postgres

extension VoucherOrder {
    /// An order from a `voucher_orders` row (all columns): the one decoder every repository uses.
    init(row: PostgresRow) throws {
        let statusText = try row.decode("status", as: String.self)
        guard let status = Status(rawValue: statusText) else {
            throw PostgresError(.decoding, "unknown order status \(statusText)")
        }
        self.init(
            id: try row.decode("id", as: UUID.self),
            tenantID: try row.decode("tenant_id", as: UUID.self),
            number: try row.decode("order_number", as: String.self),
            profileID: try row.decode("profile_id", as: UUID.self),
            profileName: try row.decode("profile_name", as: String.self),
            unitPrice: try row.decode("unit_price", as: Int64.self),
            validityMinutes: try row.decode("validity_minutes", as: Int.self),
            dataQuotaMB: row.decode("data_quota_mb", as: Int64?.self),
            downloadKbps: row.decode("download_kbps", as: Int?.self),
            uploadKbps: row.decode("upload_kbps", as: Int?.self),
            sharedUsers: try row.decode("shared_users", as: Int.self),
            radiusGroup: try row.decode("radius_group", as: String.self),
            codeLength: try row.decode("code_length", as: Int.self),
            quantity: try row.decode("quantity", as: Int.self),
            amount: try row.decode("amount", as: Int64.self),
            currency: try row.decode("currency", as: String.self),
            buyerName: try row.decode("buyer_name", as: String.self),
            buyerPhone: try row.decode("buyer_phone", as: String.self),
            buyerEmail: try row.decode("buyer_email", as: String.self),
            language: try row.decode("language", as: String.self),
            status: status,
            gatewayID: row.decode("gateway_id", as: UUID?.self),
            gatewayProvider: row.decode("gateway_provider", as: String?.self),
            gatewayReference: row.decode("gateway_reference", as: String?.self),
            checkoutURL: row.decode("checkout_url", as: String?.self),
            createdAt: try row.decode("created_at", as: Date.self),
            paidAt: row.decode("paid_at", as: Date?.self),
            expiresAt: try row.decode("expires_at", as: Date.self))
        validityFromPurchase = try row.decode("validity_from", as: String.self) == "purchase"
    }
}
