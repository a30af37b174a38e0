import Foundation
import Postgres

/// Reads a tenant's voucher packages. Every query runs in the tenant's scope and is filtered by the
/// tenant it is given as well, so a profile id from another tenant finds nothing.
struct VoucherProfileRepository: Sendable {
    /// A profile as the tenant admin sees it, whether on sale, hidden or deleted.
    struct Managed: Sendable, Hashable {
        let profile: VoucherProfile
        let isDeleted: Bool
    }

    let database: PostgresPool

    /// What the store sells now: e-voucher access on, not deleted; in the tenant's order, then by price.
    func onSaleProfiles(for tenant: Tenant) throws -> [VoucherProfile] {
        let rows = try database.scoped(to: tenant).query(
            """
            select * from voucher_profiles
            where tenant_id = $1 and evoucher_access and deleted_at is null
            order by sort, price, name
            """, tenant.id)
        return try rows.map(Self.profile(from:))
    }

    /// One package that is on sale; nil for another tenant's, a hidden or a deleted one.
    func onSaleProfile(id: UUID, for tenant: Tenant) throws -> VoucherProfile? {
        let rows = try database.scoped(to: tenant).query(
            """
            select * from voucher_profiles
            where tenant_id = $1 and id = $2 and evoucher_access and deleted_at is null
            """, tenant.id, id)
        return try rows.first.map(Self.profile(from:))
    }

    /// Every profile of the tenant, hidden and deleted ones included, in the store's order (the id
    /// breaks ties, so the admin's list and its moves are stable).
    func allProfiles(for tenant: Tenant) throws -> [Managed] {
        let rows = try database.scoped(to: tenant).query(
            """
            select *, deleted_at is not null as deleted from voucher_profiles
            where tenant_id = $1
            order by sort, price, name, id
            """, tenant.id)
        return try rows.map(Self.managed(from:))
    }

    /// One profile of the tenant in any state; nil for another tenant's or an unknown id.
    func profile(id: UUID, for tenant: Tenant) throws -> Managed? {
        let rows = try database.scoped(to: tenant).query(
            """
            select *, deleted_at is not null as deleted from voucher_profiles
            where tenant_id = $1 and id = $2
            """, tenant.id, id)
        return try rows.first.map(Self.managed(from:))
    }

    private static func managed(from row: PostgresRow) throws -> Managed {
        Managed(profile: try profile(from: row), isDeleted: try row.decode("deleted", as: Bool.self))
    }

    private static func profile(from row: PostgresRow) throws -> VoucherProfile {
        var profile = VoucherProfile(
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
        profile.validityFromPurchase = try row.decode("validity_from", as: String.self) == "purchase"
        return profile
    }
}
