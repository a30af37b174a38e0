import Foundation
import Postgres

/// A printed batch: codes of one package, generated at once for a reseller to sell for cash, with
/// what the package was when they were made.
struct VoucherBatch: Sendable, Hashable, Identifiable {
    let id: UUID
    let profileName: String
    let price: Int64
    let validityMinutes: Int
    let dataQuotaMB: Int64?
    /// Who sells it; nil for a batch the ISP sells itself.
    let resellerID: UUID?
    /// The reseller's name, or empty.
    let reseller: String
    /// What the reseller pays the ISP per card, fixed when the batch was made; nil without a reseller.
    let resellerCardPrice: Int64?
    let quantity: Int
    let separatePassword: Bool
    let isDisabled: Bool
    let createdAt: Date
    /// Codes used (`gerbang_voucher_used`: a session in `radacct`, or marked used or expired).
    let used: Int
}

/// One code of a batch; `password` is nil when the code is its own password.
struct BatchVoucher: Sendable, Hashable {
    let code: String
    let password: String?
    let isUsed: Bool
}

/// Reads a tenant's batches, always in the tenant's scope and filtered by it, so another tenant's
/// batch id finds nothing.
struct VoucherBatchRepository: Sendable {
    let database: PostgresPool

    /// Newest first; with a reseller, only that reseller's batches.
    func all(for tenant: Tenant, reseller: UUID? = nil) throws -> [VoucherBatch] {
        try database.scoped(to: tenant).query(
            """
            select b.id, b.profile_name, b.price, b.validity_minutes, b.data_quota_mb, b.reseller_id,
                coalesce(s.name, '') as reseller, b.reseller_card_price, b.quantity, b.separate_password,
                b.disabled_at is not null as disabled, b.created_at,
                (select count(*) from vouchers v where v.tenant_id = b.tenant_id and v.batch_id = b.id
                    and gerbang_voucher_used(v.tenant_id, v.code, v.status))::integer as used
            from voucher_batches b left join resellers s on s.tenant_id = b.tenant_id and s.id = b.reseller_id
            where b.tenant_id = $1 and ($2::uuid is null or b.reseller_id = $2)
            order by b.created_at desc, b.id
            """, tenant.id, reseller
        ).map(Self.batch(from:))
    }

    func batch(id: UUID, for tenant: Tenant) throws -> VoucherBatch? {
        try database.scoped(to: tenant).query(
            """
            select b.id, b.profile_name, b.price, b.validity_minutes, b.data_quota_mb, b.reseller_id,
                coalesce(s.name, '') as reseller, b.reseller_card_price, b.quantity, b.separate_password,
                b.disabled_at is not null as disabled, b.created_at,
                (select count(*) from vouchers v where v.tenant_id = b.tenant_id and v.batch_id = b.id
                    and gerbang_voucher_used(v.tenant_id, v.code, v.status))::integer as used
            from voucher_batches b left join resellers s on s.tenant_id = b.tenant_id and s.id = b.reseller_id
            where b.tenant_id = $1 and b.id = $2
            """, tenant.id, id
        ).first.map(Self.batch(from:))
    }

    /// The batch's codes in the order they are printed.
    func vouchers(of batchID: UUID, for tenant: Tenant) throws -> [BatchVoucher] {
        try database.scoped(to: tenant).query(
            """
            select v.code, v.password,
                gerbang_voucher_used(v.tenant_id, v.code, v.status) as used
            from vouchers v where v.tenant_id = $1 and v.batch_id = $2 order by v.code
            """, tenant.id, batchID
        ).map { row in
            BatchVoucher(
                code: try row.decode("code", as: String.self), password: row.decode("password", as: String?.self),
                isUsed: try row.decode("used", as: Bool.self))
        }
    }

    private static func batch(from row: PostgresRow) throws -> VoucherBatch {
        VoucherBatch(
            id: try row.decode("id", as: UUID.self),
            profileName: try row.decode("profile_name", as: String.self),
            price: try row.decode("price", as: Int64.self),
            validityMinutes: try row.decode("validity_minutes", as: Int.self),
            dataQuotaMB: row.decode("data_quota_mb", as: Int64?.self),
            resellerID: row.decode("reseller_id", as: UUID?.self),
            reseller: try row.decode("reseller", as: String.self),
            resellerCardPrice: row.decode("reseller_card_price", as: Int64?.self),
            quantity: try row.decode("quantity", as: Int.self),
            separatePassword: try row.decode("separate_password", as: Bool.self),
            isDisabled: try row.decode("disabled", as: Bool.self),
            createdAt: try row.decode("created_at", as: Date.self),
            used: try row.decode("used", as: Int.self))
    }
}
