import Foundation
import Postgres

/// Where a PPPoE subscriber stands in FreeRADIUS: `radusergroup` puts its user name in its plan's group
/// (`<slug>-<plan group>`) while active, and in the tenant's isolation group (`<slug>-isolated`, whose
/// replies throttle it and list it for the captive page) while cut off for non-payment.
struct SubscriberRadiusGroups: Sendable {
    static func planGroup(tenantSlug: String, planGroup: String) -> String {
        tenantSlug + "-" + planGroup
    }

    static func isolationGroup(tenantSlug: String) -> String {
        tenantSlug + "-isolated"
    }

    /// Moves the user from the isolation group to its plan's group, inside the caller's transaction.
    /// A user with no group at all is given its plan's; any other group it has (set by hand) stays.
    func restore(username: String, tenantSlug: String, planGroup: String, tenantID: UUID, on db: PostgresConnection)
        throws
    {
        let plan = Self.planGroup(tenantSlug: tenantSlug, planGroup: planGroup)
        let isolation = Self.isolationGroup(tenantSlug: tenantSlug)
        try db.query(
            "delete from radusergroup where tenant_id = $1 and username = $2 and groupname = $3",
            tenantID, username, isolation)
        try db.query(
            """
            insert into radusergroup (username, groupname, priority, tenant_id)
            select $2, $3, 1, $1
            where not exists (select 1 from radusergroup where tenant_id = $1 and username = $2)
            """, tenantID, username, plan)
    }
}
