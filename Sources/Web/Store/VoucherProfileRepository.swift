import Foundation
import Postgres

/// Reads a tenant's voucher packages. Every query is scoped by the tenant it is given, so a
/// profile id from another tenant finds nothing.
struct VoucherProfileRepository: Sendable {
    let database: PostgresPool

    /// What the store sells now: e-voucher access on, not deleted; in the tenant's order, then by price.
    func onSaleProfiles(for tenant: Tenant) throws -> [VoucherProfile] {
        let rows = try database.query(
            """
            select id, name, description, price, validity_minutes, data_quota_mb, download_kbps, upload_kbps,
                   shared_users, radius_group, code_length, evoucher_access, sort
            from voucher_profiles
            where tenant_id = $1 and evoucher_access and deleted_at is null
            order by sort, price, name
            """, tenant.id)
        return try rows.map(Self.profile(from:))
    }

    /// One package that is on sale; nil for another tenant's, a hidden or a deleted one.
    func onSaleProfile(id: UUID, for tenant: Tenant) throws -> VoucherProfile? {
        let rows = try database.query(
            """
            select id, name, description, price, validity_minutes, data_quota_mb, download_kbps, upload_kbps,
                   shared_users, radius_group, code_length, evoucher_access, sort
            from voucher_profiles
            where tenant_id = $1 and id = $2 and evoucher_access and deleted_at is null
            """, tenant.id, id)
        return try rows.first.map(Self.profile(from:))
    }

    private static func profile(from row: PostgresRow) throws -> VoucherProfile {
        VoucherProfile(
            id: try row.decode("id", as: UUID.self),
            name: try row.decode("name", as: String.self),
            description: try row.decode("description", as: String.self),
            price: try row.decode("price", as: Int64.self),
            validityMinutes: try row.decode("validity_minutes", as: Int.self),
            dataQuotaMB: row.decode("data_quota_mb", as: Int64?.self),
            downloadKbps: row.decode("download_kbps", as: Int?.self),
            uploadKbps: row.decode("upload_kbps", as: Int?.self),
            sharedUsers: try row.decode("shared_users", as: Int.self),
            radiusGroup: try row.decode("radius_group", as: String.self),
            codeLength: try row.decode("code_length", as: Int.self),
            isOnSale: try row.decode("evoucher_access", as: Bool.self),
            sort: try row.decode("sort", as: Int.self))
    }
}
