import Foundation
import Postgres

/// What an admin's edit of a subscriber changes in RADIUS, and how a suspended or terminated subscriber
/// is refused. Every method runs inside the caller's transaction.
extension SubscriberRadiusGroups {
    /// A refused subscriber keeps its password and group, and gains two check items: `Auth-Type := Reject`
    /// (FreeRADIUS refuses whatever the password, PAP, CHAP or MS-CHAP) and the reason logged with the
    /// refusal. Restoring removes just those two, so nothing has to be remembered elsewhere to undo it.
    static let refusalAttributes = ["Auth-Type", "Gerbang-Reject-Reason"]

    /// Makes FreeRADIUS refuse the user; `reason` goes to `radpostauth` with each refusal.
    func refuse(username: String, reason: String, tenantID: UUID, on db: PostgresConnection) throws {
        try allow(username: username, tenantID: tenantID, on: db)
        try db.query(
            """
            insert into radcheck (username, attribute, op, value, tenant_id)
            values ($1, 'Auth-Type', ':=', 'Reject', $3), ($1, 'Gerbang-Reject-Reason', ':=', $2, $3)
            """, username, reason, tenantID)
    }

    /// Undoes `refuse`.
    func allow(username: String, tenantID: UUID, on db: PostgresConnection) throws {
        try db.query(
            "delete from radcheck where tenant_id = $1 and username = $2 and attribute = any($3::text[])",
            tenantID, username, Self.refusalAttributes)
    }

    /// Carries an edit over: a new user name renames every row of the user, a new password replaces the
    /// clear text, a new plan moves the user from the old plan's group to the new one. A user in the
    /// isolation group stays there (payment restores it to the plan it then has).
    func change(
        from old: Account, to new: Account, tenantSlug: String, tenantID: UUID, on db: PostgresConnection
    ) throws {
        if old.username != new.username {
            try db.query(
                "update radcheck set username = $3 where tenant_id = $1 and username = $2", tenantID, old.username,
                new.username)
            try db.query(
                "update radusergroup set username = $3 where tenant_id = $1 and username = $2", tenantID, old.username,
                new.username)
        }
        if old.password != new.password {
            try db.query(
                """
                update radcheck set value = $3
                where tenant_id = $1 and username = $2 and attribute = 'Cleartext-Password'
                """, tenantID, new.username, new.password)
        }
        if old.planGroup != new.planGroup {
            try db.query(
                "update radusergroup set groupname = $4 where tenant_id = $1 and username = $2 and groupname = $3",
                tenantID, new.username, Self.planGroup(tenantSlug: tenantSlug, planGroup: old.planGroup),
                Self.planGroup(tenantSlug: tenantSlug, planGroup: new.planGroup))
        }
    }

    /// The user's clear-text password as RADIUS holds it; nil when it has none.
    func password(of username: String, tenantID: UUID, on db: PostgresConnection) throws -> String? {
        try db.query(
            """
            select value from radcheck
            where tenant_id = $1 and username = $2 and attribute = 'Cleartext-Password'
            """, tenantID, username
        ).first?.decode("value", as: String.self)
    }
}
