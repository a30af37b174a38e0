import Foundation
import Postgres

/// Creates, edits, orders, hides and soft-deletes a tenant's voucher profiles, each change in one
/// tenant-scoped transaction with its `audit_log` row. Orders copy what they sold from the profile
/// (`voucher_orders`), so no change here alters an order or a voucher already sold. The table's
/// trigger NOTIFYs `tenant_changed`, so every instance's catalogue follows.
struct VoucherProfileEditor: Sendable {
    /// What the list's buttons do to one profile.
    enum Action: String, Sendable, CaseIterable {
        case hide, show, delete, restore, up, down
    }

    enum Outcome: Sendable, Equatable {
        case saved(UUID)
        case notFound
        /// Vouchers already sold log in with the draft's RADIUS group, and the draft's limits differ from
        /// theirs: the group's RADIUS rows would change under them on the next order.
        case groupHasSoldVouchers
        /// The draft's group, with the tenant's slug in front, is another tenant's RADIUS group.
        case groupTakenByAnotherTenant
        /// One of the tenant's monthly plans uses the group: a package's limits would replace the plan's.
        case groupIsAPlans
    }

    let database: PostgresPool
    var groupNames: RadiusGroupNames { RadiusGroupNames(database: database) }

    /// - Parameter draft: a draft without errors.
    func create(_ draft: Draft, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        guard try !isGroupTaken(draft, by: tenant) else { return .groupTakenByAnotherTenant }
        return try database.scoped(to: tenant).transaction { db in
            guard try !isAPlansGroup(draft, tenant: tenant, on: db) else { return .groupIsAPlans }
            guard try !groupHasSoldVouchersWithOtherLimits(draft, tenant: tenant, on: db) else { return .groupHasSoldVouchers }
            let id = try db.query(
                """
                with created as (
                    insert into voucher_profiles as p (tenant_id, name, description, price, validity_minutes,
                        data_quota_mb, download_kbps, upload_kbps, shared_users, radius_group, code_length, sort,
                        validity_from)
                    select $1, $2, $3, $4::bigint, $5::integer, $6::bigint, $7::integer, $8::integer, $9::integer,
                        $10, $11::integer, coalesce(max(sort) + 1, 0), $14
                    from voucher_profiles where tenant_id = $1
                    returning p.id, audit_document(p) as doc
                )
                select id, audit($1, $12, $13, 'profile.create', id::text, null, doc) from created
                """, tenant.id, draft.name, draft.description, draft.price, draft.validityMinutes, draft.dataQuotaMB,
                draft.downloadKbps, draft.uploadKbps, draft.sharedUsers, draft.radiusGroup, draft.codeLength,
                actor.email, actor.clientAddress, draft.validityFrom
            ).single().decode("id", as: UUID.self)
            return .saved(id)
        }
    }

    /// - Parameter draft: a draft without errors.
    func update(_ id: UUID, with draft: Draft, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        guard try !isGroupTaken(draft, by: tenant) else { return .groupTakenByAnotherTenant }
        return try database.scoped(to: tenant).transaction { db in
            let found = try db.query(
                "select 1 from voucher_profiles where tenant_id = $1 and id = $2 for update", tenant.id, id)
            guard !found.isEmpty else { return .notFound }
            guard try !isAPlansGroup(draft, tenant: tenant, on: db) else { return .groupIsAPlans }
            guard try !groupHasSoldVouchersWithOtherLimits(draft, tenant: tenant, on: db) else { return .groupHasSoldVouchers }
            try db.query(
                """
                with old as (
                    select audit_document(p) as doc from voucher_profiles p where tenant_id = $1 and id = $2
                ), changed as (
                    update voucher_profiles p set name = $3, description = $4, price = $5, validity_minutes = $6,
                        data_quota_mb = $7, download_kbps = $8, upload_kbps = $9, shared_users = $10, radius_group = $11,
                        code_length = $12, validity_from = $15, updated_at = now()
                    where tenant_id = $1 and id = $2
                    returning audit_document(p) as doc
                )
                select audit($1, $13, $14, 'profile.update', $2::text, old.doc, changed.doc) from old, changed
                """, tenant.id, id, draft.name, draft.description, draft.price, draft.validityMinutes, draft.dataQuotaMB,
                draft.downloadKbps, draft.uploadKbps, draft.sharedUsers, draft.radiusGroup, draft.codeLength,
                actor.email, actor.clientAddress, draft.validityFrom)
            return .saved(id)
        }
    }

    /// - Returns: false for another tenant's or an unknown profile. A change that is already so (hiding a
    ///   hidden profile, moving the first one up) succeeds and writes nothing.
    func apply(_ action: Action, to id: UUID, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        try database.scoped(to: tenant).transaction { db in
            switch action {
            case .up: return try move(id, by: -1, tenant: tenant, actor: actor, on: db)
            case .down: return try move(id, by: 1, tenant: tenant, actor: actor, on: db)
            case .hide, .show, .delete, .restore:
                let found = try db.query(
                    "select 1 from voucher_profiles where tenant_id = $1 and id = $2 for update", tenant.id, id)
                guard !found.isEmpty else { return false }
                try db.query(
                    """
                    with old as (
                        select audit_document(p) as doc from voucher_profiles p where tenant_id = $1 and id = $2
                    ), changed as (
                        update voucher_profiles p set
                            evoucher_access = case $3::text when 'hide' then false when 'show' then true
                                else p.evoucher_access end,
                            deleted_at = case $3::text when 'delete' then now() when 'restore' then null
                                else p.deleted_at end,
                            updated_at = now()
                        where tenant_id = $1 and id = $2 and case $3::text
                            when 'hide' then p.evoucher_access
                            when 'show' then not p.evoucher_access
                            when 'delete' then p.deleted_at is null
                            when 'restore' then p.deleted_at is not null
                            else false end
                        returning audit_document(p) as doc
                    )
                    select audit($1, $4, $5, 'profile.' || $3::text, $2::text, old.doc, changed.doc) from old, changed
                    """, tenant.id, id, action.rawValue, actor.email, actor.clientAddress)
                return true
            }
        }
    }

    /// Swaps the profile with its neighbour in the list's order, then numbers every profile's `sort`
    /// from 0, so equal sorts (every profile starts at 0 when written by hand) stop tying.
    private func move(_ id: UUID, by offset: Int, tenant: Tenant, actor: AuditActor, on db: PostgresConnection) throws -> Bool {
        let order = try db.query(
            "select id from voucher_profiles where tenant_id = $1 order by sort, price, name, id for update", tenant.id
        ).map { try $0.decode("id", as: UUID.self) }
        guard let index = order.firstIndex(of: id) else { return false }
        guard order.indices.contains(index + offset) else { return true }
        var moved = order
        moved.swapAt(index, index + offset)
        let before = order.map(\.uuidString)
        let after = moved.map(\.uuidString)
        try db.query(
            """
            with ordered as (
                select o.id::uuid as id, (o.position - 1)::integer as position
                from unnest($2::text[]) with ordinality as o(id, position)
            ), renumbered as (
                update voucher_profiles p set sort = ordered.position, updated_at = now() from ordered
                where p.tenant_id = $1 and p.id = ordered.id and p.sort <> ordered.position
            )
            select audit($1, $4, $6, 'profile.move', $5::text, jsonb_build_object('order', $3::text[]),
                jsonb_build_object('order', $2::text[]))
            """, tenant.id, after, before, actor.email, id.uuidString, actor.clientAddress)
        return true
    }

    private func isGroupTaken(_ draft: Draft, by tenant: Tenant) throws -> Bool {
        try groupNames.isTakenByAnotherTenant(
            RadiusGroupPolicy.groupName(tenantSlug: tenant.slug, profileGroup: draft.radiusGroup), tenantID: tenant.id)
    }

    private func isAPlansGroup(_ draft: Draft, tenant: Tenant, on db: PostgresConnection) throws -> Bool {
        try !db.query("select 1 from plans where tenant_id = $1 and radius_group = $2", tenant.id, draft.radiusGroup)
            .isEmpty
    }

    /// Whether paid orders in the draft's RADIUS group were sold with other limits than the draft's.
    /// The group's `radgroupreply`/`radgroupcheck` rows are shared by every voucher in the group and
    /// rewritten from each new order, so such a draft would change vouchers already sold.
    private func groupHasSoldVouchersWithOtherLimits(_ draft: Draft, tenant: Tenant, on db: PostgresConnection) throws -> Bool {
        try db.query(
            """
            select exists (
                select 1 from voucher_orders
                where tenant_id = $1 and radius_group = $2 and status = 'paid'
                  and (validity_minutes, data_quota_mb, download_kbps, upload_kbps, shared_users, validity_from)
                      is distinct from ($3::integer, $4::bigint, $5::integer, $6::integer, $7::integer, $8::text)
            ) as conflict
            """, tenant.id, draft.radiusGroup, draft.validityMinutes, draft.dataQuotaMB, draft.downloadKbps,
            draft.uploadKbps, draft.sharedUsers, draft.validityFrom
        ).single().decode("conflict", as: Bool.self)
    }
}
