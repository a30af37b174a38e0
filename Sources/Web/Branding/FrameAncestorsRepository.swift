import Foundation
import Postgres

/// Reads which sites may frame a tenant's pages (`tenant_branding.frame_ancestors`, migration 0012).
///
/// Cached per tenant and branding version: every save bumps the version, and the NOTIFY that follows
/// reloads the tenant's site (and so its version) in every instance, so a change shows within a second
/// without a query per request.
struct FrameAncestorsRepository: Sendable {
    let database: PostgresPool
    private let cache: GenerationalCache<String, FrameAncestors>

    init(database: PostgresPool, capacity: Int = CacheBudget.standard.frameAncestors) {
        self.database = database
        cache = GenerationalCache(timeToLive: .seconds(300), capacity: capacity) { key, list in
            list.origins.reduce(key.utf8.count) { $0 + 32 + $1.utf8.count }
        }
    }

    /// The tenant's list, straight from the database (the admin form shows what is stored).
    static func stored(for tenant: Tenant, in database: PostgresPool) throws -> FrameAncestors {
        let rows = try database.scoped(to: tenant).query(
            "select frame_ancestors from tenant_branding where tenant_id = $1", tenant.id)
        guard let text = try rows.first?.decode("frame_ancestors", as: String.self) else { return .none }
        // The column's check admits only what the parser wrote; anything else is treated as no opt-in.
        return FrameAncestors(parsing: text) ?? .none
    }

    /// The tenant's list for its branding `version`, from the cache when it was read for that version.
    func frameAncestors(for tenant: Tenant, version: Int) throws -> FrameAncestors {
        try cache.value(for: Self.key(tenant, version)) { try Self.stored(for: tenant, in: database) }
    }

    /// The list if it is cached for that version, without asking the database.
    func cachedFrameAncestors(for tenant: Tenant, version: Int) -> FrameAncestors? {
        cache.cachedValue(for: Self.key(tenant, version))
    }

    private static func key(_ tenant: Tenant, _ version: Int) -> String { tenant.idString + "/" + String(version) }
}
