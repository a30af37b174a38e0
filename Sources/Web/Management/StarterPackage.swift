import Foundation
import Postgres

/// The one voucher package a new tenant starts with, so its store sells something the moment head
/// office creates it; the tenant admin renames, reprices or replaces it from `/admin`.
enum StarterPackage {
    static let name = "Voucher 1 Hari"
    static let price: Int64 = 5_000

    /// One day, 5 GB, 10/5 Mbit/s, one device: the demo's daily package.
    static func insert(for tenantID: UUID, on db: PostgresConnection) throws {
        try db.query(
            """
            insert into voucher_profiles (tenant_id, name, price, validity_minutes, data_quota_mb, download_kbps,
                upload_kbps, shared_users, radius_group, code_length, sort)
            values ($1, $2, $3, 1440, 5120, 10000, 5000, 1, 'daily', 8, 0)
            """, tenantID, name, price)
    }
}
