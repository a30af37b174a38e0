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

    /// What the isolation group answers on every tenant: a trickle of bandwidth, and the subscriber's
    /// address in the router's `isolir` address list, which the router's isolation rules (`gerbang
    /// export isolation`) send to the payment page. The one definition the job and the demo write.
    static let isolationReplies = [("Mikrotik-Rate-Limit", "128k/128k"), ("Mikrotik-Address-List", "isolir")]

    /// The router's address list the isolation group's reply names.
    static let isolationAddressList = "isolir"

    /// A PPPoE account as RADIUS holds it: the user name, its password and its group.
    struct Account: Sendable, Hashable {
        let username: String
        let password: String
        /// The plan's group as the plan names it (`home20`); the tenant's slug is added here.
        let planGroup: String
    }

    /// Writes new PPPoE accounts (one statement each table, however many), inside the caller's
    /// transaction: a subscriber made in the admin and a thousand from an import take the same path.
    ///
    /// The password is stored as `Cleartext-Password` because RouterOS's PPPoE server offers CHAP and
    /// MS-CHAPv2 first, and FreeRADIUS can only check those against the clear text (a bcrypt or SHA
    /// hash verifies PAP alone). The table is readable by FreeRADIUS and the application only.
    func create(_ accounts: [Account], tenantSlug: String, tenantID: UUID, on db: PostgresConnection) throws {
        guard !accounts.isEmpty else { return }
        try db.query(
            """
            insert into radcheck (username, attribute, op, value, tenant_id)
            select u, 'Cleartext-Password', ':=', p, $3 from unnest($1::text[], $2::text[]) as a(u, p)
            """, accounts.map(\.username), accounts.map(\.password), tenantID)
        try db.query(
            """
            insert into radusergroup (username, groupname, priority, tenant_id)
            select u, g, 1, $3 from unnest($1::text[], $2::text[]) as a(u, g)
            """, accounts.map(\.username), accounts.map { Self.planGroup(tenantSlug: tenantSlug, planGroup: $0.planGroup) },
            tenantID)
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

    /// Moves the user from its plan's group to the tenant's isolation group, inside the caller's
    /// transaction, and gives the isolation group its replies when the tenant has none yet (an ISP's
    /// own replies for it, written by hand, are kept).
    func isolate(username: String, tenantSlug: String, planGroup: String, tenantID: UUID, on db: PostgresConnection)
        throws
    {
        let isolation = Self.isolationGroup(tenantSlug: tenantSlug)
        try db.query(
            """
            insert into radgroupreply (groupname, attribute, op, value, tenant_id)
            select $1, a, ':=', v, $2 from unnest($3::text[], $4::text[]) as r(a, v)
            where not exists (select 1 from radgroupreply where groupname = $1)
            """, isolation, tenantID, Self.isolationReplies.map(\.0), Self.isolationReplies.map(\.1))
        try db.query(
            "delete from radusergroup where tenant_id = $1 and username = $2 and groupname = $3",
            tenantID, username, Self.planGroup(tenantSlug: tenantSlug, planGroup: planGroup))
        try db.query(
            """
            insert into radusergroup (username, groupname, priority, tenant_id)
            select $2, $3, 1, $1
            where not exists (select 1 from radusergroup where tenant_id = $1 and username = $2 and groupname = $3)
            """, tenantID, username, isolation)
    }
}
