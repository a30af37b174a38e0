import Foundation
import Postgres

/// Creates and edits a tenant's subscribers, changes their status and sets their portal password. Each
/// change is one tenant-scoped transaction holding the subscriber row, its PPPoE account in RADIUS
/// (through `SubscriberRadiusGroups`) and its `audit_log` row, whose documents never carry a password.
struct SubscriberEditor: Sendable {
    enum Outcome: Sendable, Equatable {
        case saved(UUID)
        case notFound
        /// Not one of the tenant's plans, or (for a new subscriber or a change of plan) not an active one.
        case planUnavailable
        case customerNumberTaken
        case usernameTaken
    }

    /// What the status buttons do. Suspend and terminate make FreeRADIUS refuse the PPPoE account;
    /// restore makes the subscriber active on its plan again.
    enum StatusChange: String, Sendable, CaseIterable {
        case suspend, terminate, restore

        var status: Subscriber.Status {
            switch self {
            case .suspend: .suspended
            case .terminate: .terminated
            case .restore: .active
            }
        }

        /// The statuses the change applies to; from any other it is refused (409).
        var from: [Subscriber.Status] {
            switch self {
            case .suspend: [.active, .isolated]
            case .terminate: [.active, .isolated, .suspended]
            case .restore: [.suspended, .terminated]
            }
        }
    }

    enum StatusOutcome: Sendable, Equatable {
        case changed
        case notFound
        case notApplicable
    }

    let database: PostgresPool
    let radius = SubscriberRadiusGroups()

    /// - Parameters:
    ///   - input: valid, with a PPPoE password.
    ///   - portalPassword: nil: an unguessable one; the admin sets a real one from the subscriber's page.
    func create(
        _ input: SubscriberInput, planID: UUID, portalPassword: String?, for tenant: Tenant, by actor: AuditActor
    ) throws -> Outcome {
        try mappingConflicts {
            try database.scoped(to: tenant).transaction { db in
                guard let group = try planGroup(planID, active: true, tenant: tenant, on: db) else { return .planUnavailable }
                let number = try CustomerNumbers.assign([input.customerNumber], tenant: tenant, on: db).first ?? ""
                let id = try db.query(
                    """
                    with created as (
                        insert into subscribers as s (tenant_id, customer_number, pppoe_username, name, phone, email,
                            address, password_hash, plan_id, billing_day, installation_date, notes)
                        values ($1, $2, $3, $4, $5, $6, $7, crypt($8, gen_salt('bf', $9::integer)), $10, $11::integer,
                            $12::date, $13)
                        returning s.id, audit_document(s) as doc
                    )
                    select id, audit($1, $14, $15, 'subscriber.create', id::text, null, doc) from created
                    """, tenant.id, number, input.pppoeUsername, input.name, input.phone, input.email, input.address,
                    portalPassword ?? RandomToken.hex(), PasswordHash.cost, planID, input.billingDay,
                    input.installationDate, input.notes, actor.email, actor.clientAddress
                ).single().decode("id", as: UUID.self)
                try radius.create(
                    [.init(username: input.pppoeUsername, password: input.pppoePassword ?? "", planGroup: group)],
                    tenantSlug: tenant.slug, tenantID: tenant.id, on: db)
                return .saved(id)
            }
        }
    }

    /// A blank customer number or PPPoE password keeps the stored one. A subscriber may keep a plan
    /// since deactivated, but only move to an active one.
    func update(_ id: UUID, with input: SubscriberInput, planID: UUID, for tenant: Tenant, by actor: AuditActor) throws
        -> Outcome
    {
        try mappingConflicts {
            try database.scoped(to: tenant).transaction { db in
                guard let old = try locked(id, tenant: tenant, on: db) else { return .notFound }
                let oldUsername = old.username
                let oldGroup = old.planGroup
                guard let group = try planGroup(planID, active: planID != old.planID, tenant: tenant, on: db) else {
                    return .planUnavailable
                }
                try db.query(
                    """
                    with old as (
                        select audit_document(s) as doc from subscribers s
                        where tenant_id = $1 and id = $2
                    ), changed as (
                        update subscribers s set customer_number = coalesce($3, s.customer_number), pppoe_username = $4,
                            name = $5, phone = $6, email = $7, address = $8, plan_id = $9, billing_day = $10::integer,
                            installation_date = $11::date, notes = $12, updated_at = now()
                        where tenant_id = $1 and id = $2
                        returning audit_document(s) as doc
                    )
                    select audit($1, $13, $14, 'subscriber.update', $2::text, old.doc,
                        changed.doc || case when $15 then '{"pppoe_password": "changed"}'::jsonb else '{}' end)
                    from old, changed
                    where old.doc is distinct from changed.doc or $15
                    """, tenant.id, id, input.customerNumber, input.pppoeUsername, input.name, input.phone, input.email,
                    input.address, planID, input.billingDay, input.installationDate, input.notes, actor.email,
                    actor.clientAddress, input.pppoePassword != nil)
                let oldPassword = try radius.password(of: oldUsername, tenantID: tenant.id, on: db) ?? ""
                try radius.change(
                    from: .init(username: oldUsername, password: oldPassword, planGroup: oldGroup),
                    to: .init(username: input.pppoeUsername, password: input.pppoePassword ?? oldPassword, planGroup: group),
                    tenantSlug: tenant.slug, tenantID: tenant.id, on: db)
                return .saved(id)
            }
        }
    }

    /// Suspends, terminates or restores the subscriber, keeping when and why on the row.
    func change(_ change: StatusChange, _ id: UUID, reason: String, for tenant: Tenant, by actor: AuditActor) throws
        -> StatusOutcome
    {
        try database.scoped(to: tenant).transaction { db in
            guard let old = try locked(id, tenant: tenant, on: db) else { return .notFound }
            guard change.from.contains(where: { $0.rawValue == old.status }) else { return .notApplicable }
            let username = old.username
            try db.query(
                """
                with old as (
                    select audit_document(s) as doc from subscribers s
                    where tenant_id = $1 and id = $2
                ), changed as (
                    update subscribers s set status = $3, status_changed_at = now(), status_reason = $4, updated_at = now()
                    where tenant_id = $1 and id = $2
                    returning audit_document(s) as doc
                )
                select audit($1, $5, $6, 'subscriber.' || $7::text, $2::text, old.doc, changed.doc) from old, changed
                """, tenant.id, id, change.status.rawValue, reason, actor.email, actor.clientAddress, change.rawValue)
            switch change {
            case .suspend, .terminate:
                try radius.refuse(
                    username: username, reason: "subscriber " + change.status.rawValue, tenantID: tenant.id, on: db)
            case .restore:
                try radius.allow(username: username, tenantID: tenant.id, on: db)
                try radius.restore(
                    username: username, tenantSlug: tenant.slug, planGroup: old.planGroup, tenantID: tenant.id, on: db)
            }
            return .changed
        }
    }

    /// Sets the subscriber's portal password (bcrypt in SQL) and signs out its portal sessions, so a
    /// reset locks out whoever knew the old one. - Returns: false for another tenant's or no subscriber.
    func setPortalPassword(_ password: String, _ id: UUID, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        try database.scoped(to: tenant).transaction { db in
            let updated = try db.query(
                """
                with changed as (
                    update subscribers set password_hash = crypt($3, gen_salt('bf', $4::integer)), updated_at = now()
                    where tenant_id = $1 and id = $2 returning id
                )
                select audit($1, $5, $6, 'subscriber.portal_password', id::text) from changed
                """, tenant.id, id, password, PasswordHash.cost, actor.email, actor.clientAddress)
            guard !updated.isEmpty else { return false }
            try db.query(
                "delete from sessions where tenant_id = $1 and kind = 'subscriber' and principal_id = $2", tenant.id, id)
            return true
        }
    }

    /// The subscriber's row, locked to the end of the transaction, with its plan's group; nil for another
    /// tenant's or none.
    private func locked(_ id: UUID, tenant: Tenant, on db: PostgresConnection) throws
        -> (status: String, username: String, planID: UUID, planGroup: String)?
    {
        guard
            let row = try db.query(
                """
                select s.status, s.pppoe_username, s.plan_id, p.radius_group from subscribers s
                    join plans p on p.tenant_id = s.tenant_id and p.id = s.plan_id
                where s.tenant_id = $1 and s.id = $2 for update of s
                """, tenant.id, id
            ).first
        else { return nil }
        return (
            try row.decode("status", as: String.self), try row.decode("pppoe_username", as: String.self),
            try row.decode("plan_id", as: UUID.self), try row.decode("radius_group", as: String.self)
        )
    }

    /// The plan's RADIUS group when it is the tenant's (and active, when asked), else nil.
    private func planGroup(_ planID: UUID, active: Bool, tenant: Tenant, on db: PostgresConnection) throws -> String? {
        try db.query(
            "select radius_group from plans where tenant_id = $1 and id = $2 and (is_active or not $3)",
            tenant.id, planID, active
        ).first?.decode("radius_group", as: String.self)
    }

    /// A customer number or PPPoE user name already taken (by another of the ISP's subscribers, or by
    /// RADIUS rows written by hand) is the admin's to fix.
    private func mappingConflicts(_ body: () throws -> Outcome) throws -> Outcome {
        do {
            return try body()
        } catch let error as PostgresError where error.isUniqueViolation {
            switch error.constraint {
            case "subscribers_tenant_id_customer_number_key": return .customerNumberTaken
            case "subscribers_pppoe_username", "radcheck_username", "radusergroup_username": return .usernameTaken
            default: throw error
            }
        }
    }
}
