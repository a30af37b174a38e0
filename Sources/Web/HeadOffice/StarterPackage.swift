import Foundation
import Postgres

/// The one voucher package a new tenant starts with, so its store sells something the moment head
/// office creates it; the tenant admin renames, reprices or replaces it from `/admin`.
enum StarterPackage {
    static let name = "Voucher 1 Hari"
    static let price: Int64 = 5_000

    static let radiusGroup = "daily"

    /// One day, 5 GB, 10/5 Mbit/s, one device: the demo's daily package.
    /// - Parameter radiusGroup: `radiusGroup`, or a variant of it when another tenant owns that name
    ///   with this tenant's slug in front (`freeRadiusGroup`).
    static func insert(for tenantID: UUID, radiusGroup: String = radiusGroup, on db: PostgresConnection) throws {
        try db.query(
            """
            insert into voucher_profiles (tenant_id, name, price, validity_minutes, data_quota_mb, download_kbps,
                upload_kbps, shared_users, radius_group, code_length, sort)
            values ($1, $2, $3, 1440, 5120, 10000, 5000, 1, $4, 8, 0)
            """, tenantID, name, price, radiusGroup)
    }

    /// `daily`, or `daily-2`, `daily-3` … : the first whose RADIUS group name (slug in front) no other
    /// tenant owns, so the new store's first sale can be provisioned.
    static func freeRadiusGroup(
        slug: String, tenantID: UUID, names: RadiusGroupNames, on db: PostgresConnection
    ) throws -> String {
        var candidate = radiusGroup
        var suffix = 1
        while try names.isTakenByAnotherTenant(
            RadiusGroupPolicy.groupName(tenantSlug: slug, profileGroup: candidate), tenantID: tenantID, on: db)
        {
            suffix += 1
            candidate = "\(radiusGroup)-\(suffix)"
        }
        return candidate
    }
}
