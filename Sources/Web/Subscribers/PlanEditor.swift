import Foundation
import Postgres

/// Creates, edits, deactivates and deletes a tenant's monthly plans, each change in one tenant-scoped
/// transaction with its `audit_log` row and its RADIUS group's replies (`<slug>-<radius_group>`:
/// `Mikrotik-Rate-Limit` from the speeds), written by the same `RadiusProvisioner` that writes a voucher
/// package's group. Invoices copy their amount, so a new price applies from the next invoice on.
struct PlanEditor: Sendable {
    enum Outcome: Sendable, Equatable {
        case saved(UUID)
        case notFound
        case nameTaken
        /// Another of the tenant's plans has the group.
        case groupTaken
        /// The group, with the tenant's slug in front, is another tenant's RADIUS group.
        case groupTakenByAnotherTenant
        /// One of the tenant's hotspot packages uses the group: the plan's rate limit would change its vouchers.
        case groupIsAPackages
    }

    enum Deletion: Sendable, Equatable {
        case deleted
        case notFound
        /// Subscribers or invoices point at the plan: it can only be deactivated.
        case inUse
    }

    let database: PostgresPool
    let provisioner = RadiusProvisioner()

    /// - Parameter draft: a draft without errors.
    func create(_ draft: Draft, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        guard try !isGroupTakenByAnotherTenant(draft, tenant: tenant) else { return .groupTakenByAnotherTenant }
        return try mappingConflicts {
            try database.scoped(to: tenant).transaction { db in
                if try isAPackagesGroup(draft, tenant: tenant, on: db) { return .groupIsAPackages }
                let id = try db.query(
                    """
                    with created as (
                        insert into plans as p (tenant_id, name, price, download_kbps, upload_kbps, radius_group, is_active)
                        values ($1, $2, $3, $4::integer, $5::integer, $6, $7)
                        returning p.id, audit_document(p) as doc
                    )
                    select id, audit($1, $8, $9, 'plan.create', id::text, null, doc) from created
                    """, tenant.id, draft.name, draft.price, draft.downloadKbps, draft.uploadKbps, draft.radiusGroup,
                    draft.isActive, actor.email, actor.clientAddress
                ).single().decode("id", as: UUID.self)
                try writeGroup(draft, tenant: tenant, on: db)
                return .saved(id)
            }
        }
    }

    /// A changed group moves the plan's subscribers (those not isolated) to the new one at once.
    /// - Parameter draft: a draft without errors.
    func update(_ id: UUID, with draft: Draft, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        guard try !isGroupTakenByAnotherTenant(draft, tenant: tenant) else { return .groupTakenByAnotherTenant }
        return try mappingConflicts {
            try database.scoped(to: tenant).transaction { db in
                let found = try db.query(
                    "select radius_group from plans where tenant_id = $1 and id = $2 for update", tenant.id, id)
                guard let oldGroup = try found.first?.decode("radius_group", as: String.self) else { return .notFound }
                if try isAPackagesGroup(draft, tenant: tenant, on: db) { return .groupIsAPackages }
                try db.query(
                    """
                    with old as (
                        select audit_document(p) as doc from plans p where tenant_id = $1 and id = $2
                    ), changed as (
                        update plans p set name = $3, price = $4, download_kbps = $5::integer, upload_kbps = $6::integer,
                            radius_group = $7, is_active = $8, updated_at = now()
                        where tenant_id = $1 and id = $2
                        returning audit_document(p) as doc
                    )
                    select audit($1, $9, $10, 'plan.update', $2::text, old.doc, changed.doc) from old, changed
                    where old.doc is distinct from changed.doc
                    """, tenant.id, id, draft.name, draft.price, draft.downloadKbps, draft.uploadKbps, draft.radiusGroup,
                    draft.isActive, actor.email, actor.clientAddress)
                try writeGroup(draft, tenant: tenant, on: db)
                if oldGroup != draft.radiusGroup {
                    let old = SubscriberRadiusGroups.planGroup(tenantSlug: tenant.slug, planGroup: oldGroup)
                    try db.query(
                        """
                        update radusergroup g set groupname = $3
                        from subscribers s
                        where g.tenant_id = $1 and g.groupname = $2 and s.tenant_id = $1 and s.plan_id = $4
                            and s.pppoe_username = g.username
                        """, tenant.id, old,
                        SubscriberRadiusGroups.planGroup(tenantSlug: tenant.slug, planGroup: draft.radiusGroup), id)
                    // The old group's rate limit was the plan's; nothing joins it any more.
                    try db.query(
                        """
                        delete from radgroupreply
                        where tenant_id = $1 and groupname = $2 and attribute = 'Mikrotik-Rate-Limit'
                            and not exists (select 1 from radusergroup where tenant_id = $1 and groupname = $2)
                        """, tenant.id, old)
                }
                return .saved(id)
            }
        }
    }

    /// Turns the plan on or off for new subscribers; those already on it keep it.
    /// - Returns: false for another tenant's or an unknown plan.
    func setActive(_ isActive: Bool, _ id: UUID, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        try database.scoped(to: tenant).transaction { db in
            let rows = try db.query(
                """
                with old as (
                    select audit_document(p) as doc from plans p where tenant_id = $1 and id = $2 for update
                ), changed as (
                    update plans p set is_active = $3, updated_at = now()
                    where tenant_id = $1 and id = $2 and is_active <> $3
                    returning audit_document(p) as doc
                )
                select case when changed.doc is not null
                    then audit($1, $4, $5, case when $3 then 'plan.activate' else 'plan.deactivate' end, $2::text,
                        old.doc, changed.doc) end
                from old left join changed on true
                """, tenant.id, id, isActive, actor.email, actor.clientAddress)
            return !rows.isEmpty
        }
    }

    /// Deletes a plan nothing points at, with its group's rate limit.
    func delete(_ id: UUID, for tenant: Tenant, by actor: AuditActor) throws -> Deletion {
        try database.scoped(to: tenant).transaction { db in
            let found = try db.query(
                """
                select radius_group,
                    exists (select 1 from subscribers where tenant_id = $1 and plan_id = $2)
                        or exists (select 1 from invoices where tenant_id = $1 and plan_id = $2) as in_use
                from plans where tenant_id = $1 and id = $2 for update
                """, tenant.id, id)
            guard let row = found.first else { return .notFound }
            guard try !row.decode("in_use", as: Bool.self) else { return .inUse }
            try db.query(
                """
                with gone as (
                    delete from plans p where tenant_id = $1 and id = $2 returning audit_document(p) as doc
                )
                select audit($1, $3, $4, 'plan.delete', $2::text, doc) from gone
                """, tenant.id, id, actor.email, actor.clientAddress)
            try db.query(
                "delete from radgroupreply where tenant_id = $1 and groupname = $2 and attribute = 'Mikrotik-Rate-Limit'",
                tenant.id,
                SubscriberRadiusGroups.planGroup(
                    tenantSlug: tenant.slug, planGroup: try row.decode("radius_group", as: String.self)))
            return .deleted
        }
    }

    /// Writes the plan's group as `RadiusProvisioner` writes a package's.
    private func writeGroup(_ draft: Draft, tenant: Tenant, on db: PostgresConnection) throws {
        let policy = RadiusGroupPolicy(
            tenantSlug: tenant.slug, planGroup: draft.radiusGroup, downloadKbps: draft.downloadKbps,
            uploadKbps: draft.uploadKbps)
        try provisioner.writeGroup(policy, tenantID: tenant.id, on: db)
    }

    /// Whether one of the tenant's live hotspot packages uses the draft's group.
    private func isAPackagesGroup(_ draft: Draft, tenant: Tenant, on db: PostgresConnection) throws -> Bool {
        try !db.query(
            "select 1 from voucher_profiles where tenant_id = $1 and radius_group = $2 and deleted_at is null",
            tenant.id, draft.radiusGroup
        ).isEmpty
    }

    /// Asked before the plan's transaction, as the package form does (an unscoped statement of its own);
    /// `RadiusProvisioner` checks again inside it.
    private func isGroupTakenByAnotherTenant(_ draft: Draft, tenant: Tenant) throws -> Bool {
        try RadiusGroupNames(database: database).isTakenByAnotherTenant(
            SubscriberRadiusGroups.planGroup(tenantSlug: tenant.slug, planGroup: draft.radiusGroup), tenantID: tenant.id)
    }

    /// A name or group already taken is the admin's to fix, not a server error.
    private func mappingConflicts(_ body: () throws -> Outcome) throws -> Outcome {
        do {
            return try body()
        } catch let error as PostgresError where error.isUniqueViolation {
            switch error.constraint {
            case "plans_tenant_id_name_key": return .nameTaken
            case "plans_tenant_id_radius_group_key": return .groupTaken
            default: throw error
            }
        } catch RadiusProvisioningError.groupBelongsToAnotherTenant {
            return .groupTakenByAnotherTenant
        }
    }
}
