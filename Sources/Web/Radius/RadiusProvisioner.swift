import Foundation
import Postgres

/// Writes FreeRADIUS's own tables for issued vouchers, inside the caller's transaction:
/// `radcheck` (the code is user name and password), `radusergroup` (the profile's group), and the
/// group's `radgroupreply` / `radgroupcheck` rows from what the order sold. Every row carries the tenant.
struct RadiusProvisioner: Sendable {
    /// - Parameter group: the group's rows as `groupRows(of:)` read them earlier in this transaction (so
    ///   the read could share a round trip with other work); nil reads them here.
    func provision(
        codes: [String], order: VoucherOrder, tenantSlug: String, group: PostgresRows? = nil, on db: PostgresConnection
    ) throws {
        try provision(
            codes: codes, passwords: codes, package: order, tenantID: order.tenantID, tenantSlug: tenantSlug,
            group: group, on: db)
    }

    /// - Parameter passwords: each code's password, in the order of `codes` (the codes themselves when a
    ///   code is its own password). Validity from purchase counts from this transaction.
    func provision(
        codes: [String], passwords: [String], package: some RadiusPackage, tenantID: UUID, tenantSlug: String,
        group: PostgresRows? = nil, on db: PostgresConnection
    ) throws {
        let policy = RadiusGroupPolicy(tenantSlug: tenantSlug, order: package)
        try writeGroup(policy, tenantID: tenantID, current: group, on: db)
        // One statement for every user row: each statement of a payment's transaction costs its own
        // portal and executor start-up, more than a few rows' inserts.
        // FreeRADIUS's expiration module refuses the code after `Expiration` (seconds since the epoch) and
        // caps each session at what is left; the payment's transaction time is the purchase.
        try db.enqueue(
            """
            with checks as (
                insert into radcheck (username, attribute, op, value, tenant_id)
                select code, 'Cleartext-Password', ':=', password, $3::uuid
                from unnest($1::text[], $2::text[]) as c(code, password)
                union all
                select code, 'Expiration', ':=',
                    floor(extract(epoch from now() + make_interval(mins => $5::integer)))::bigint::text, $3::uuid
                from unnest($1::text[]) as code
                where $5::integer is not null
            )
            insert into radusergroup (username, groupname, priority, tenant_id)
            select code, $4, 1, $3 from unnest($1::text[]) as code
            """, codes, passwords, tenantID, policy.groupName,
            package.validityFromPurchase ? package.validityMinutes : nil)
    }

    /// Brings the group's rows to the policy (a voucher package's or a monthly plan's), inside the
    /// caller's transaction. Serialised per group name (an advisory lock for this
    /// transaction), because `radgroupcheck` has no unique index to upsert against. Most orders sell a
    /// group exactly as it already stands; those neither write nor lock, since a lock held to the end
    /// of each fulfilment would make every payment of one package wait for the one before it.
    /// - Parameter current: the group's rows read earlier in this transaction (`groupRows(of:)`); nil
    ///   reads them here.
    func writeGroup(_ policy: RadiusGroupPolicy, tenantID: UUID, current: PostgresRows? = nil, on db: PostgresConnection)
        throws
    {
        let rows = try current ?? db.query(Self.groupRows(of: policy.groupName))
        if try groupMatches(policy, tenantID: tenantID, rows: rows) { return }
        try db.query("select pg_advisory_xact_lock(hashtext('radius-group:' || $1))", policy.groupName)
        // Group names join a slug and a group with "-", which two tenants could in theory both spell:
        // never touch, nor join a voucher to, a group that another tenant's rows already define.
        let foreign = try db.query(
            """
            select 1 from radgroupreply where groupname = $1 and tenant_id is distinct from $2
            union all
            select 1 from radgroupcheck where groupname = $1 and tenant_id is distinct from $2
            limit 1
            """, policy.groupName, tenantID)
        guard foreign.isEmpty else { throw RadiusProvisioningError.groupBelongsToAnotherTenant(policy.groupName) }

        let replyNames = policy.replies.map(\.name)
        try db.query(
            "delete from radgroupreply where groupname = $1 and attribute = any($2::text[]) and not attribute = any($3::text[])",
            policy.groupName, policy.managedReplyNames, replyNames)
        for reply in policy.replies {
            try db.query(
                """
                insert into radgroupreply (groupname, attribute, op, value, tenant_id) values ($1, $2, ':=', $3, $4)
                on conflict (groupname, attribute) do update set op = excluded.op, value = excluded.value
                """, policy.groupName, reply.name, reply.value, tenantID)
        }
        try db.query(
            "delete from radgroupcheck where groupname = $1 and attribute = any($2::text[])",
            policy.groupName, policy.managedCheckNames)
        for check in policy.checks {
            try db.query(
                "insert into radgroupcheck (groupname, attribute, op, value, tenant_id) values ($1, $2, ':=', $3, $4)",
                policy.groupName, check.name, check.value, tenantID)
        }
    }
}

extension RadiusProvisioner {
    /// The statement that reads a group's rows, for `writeGroup(_:tenantID:current:on:)`.
    static func groupRows(of groupName: String) -> PostgresStatement {
        PostgresStatement(
            """
            select 'reply' as kind, attribute, op, value, tenant_id from radgroupreply where groupname = $1
            union all
            select 'check', attribute, op, value, tenant_id from radgroupcheck where groupname = $1
            """, groupName)
    }

    /// True when the group's managed rows (`rows`, read by `groupRows(of:)`) are this tenant's and
    /// already say what the policy says.
    private func groupMatches(_ policy: RadiusGroupPolicy, tenantID: UUID, rows: PostgresRows) throws -> Bool {
        var replies: [RadiusGroupPolicy.Attribute] = []
        var checks: [RadiusGroupPolicy.Attribute] = []
        for row in rows {
            guard row.decode("tenant_id", as: UUID?.self) == tenantID else { return false }
            let attribute = RadiusGroupPolicy.Attribute(
                name: try row.decode("attribute", as: String.self), value: try row.decode("value", as: String.self))
            let isReply = try row.decode("kind", as: String.self) == "reply"
            // Rows the policy does not manage (written by hand) are left alone, here as when writing.
            let managed = isReply ? policy.managedReplyNames : policy.managedCheckNames
            guard managed.contains(attribute.name) else { continue }
            guard try row.decode("op", as: String.self) == ":=" else { return false }
            if isReply { replies.append(attribute) } else { checks.append(attribute) }
        }
        return replies.count == policy.replies.count && Set(replies) == Set(policy.replies)
            && checks.count == policy.checks.count && Set(checks) == Set(policy.checks)
    }
}

enum RadiusProvisioningError: Error, CustomStringConvertible {
    case groupBelongsToAnotherTenant(String)

    var description: String {
        switch self {
        case .groupBelongsToAnotherTenant(let group):
            "RADIUS group \(group) is already defined by another tenant; rename the profile's or plan's RADIUS group"
        }
    }
}
