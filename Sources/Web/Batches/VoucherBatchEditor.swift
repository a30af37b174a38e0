import Foundation
import Postgres

/// Generates, disables, enables and deletes a tenant's printed batches, each in one tenant-scoped
/// transaction with its `audit_log` row. Codes go into RADIUS through the same provisioner as sold
/// codes, so a printed code gets its package's group, validity and quota exactly as a sold one does.
struct VoucherBatchEditor: Sendable {
    enum DeleteOutcome: Sendable, Equatable {
        case deleted
        case notFound
        /// A code of the batch was used: the batch is history now (and maybe a reseller's debt), only disabled.
        case inUse
    }

    let database: PostgresPool
    let issuer = VoucherIssuer()
    let radius = RadiusProvisioner()

    /// Writes the batch, its codes and their RADIUS rows: a few statements however many codes (the codes
    /// in one insert per drawing round, the RADIUS rows in one each).
    /// - Parameter draft: a draft without errors.
    /// - Returns: the new batch's id.
    func generate(_ draft: VoucherBatchDraft, for tenant: Tenant, by actor: AuditActor) throws -> UUID? {
        guard let package = draft.package else { return nil }
        return try database.scoped(to: tenant).transaction { db in
            let batchID = try db.query(
                """
                with created as (
                    insert into voucher_batches as b (tenant_id, profile_id, profile_name, price, validity_minutes,
                        data_quota_mb, reseller_id, quantity, code_length, prefix, separate_password,
                        reseller_card_price)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $14)
                    returning b.id, jsonb_build_object('package', b.profile_name, 'quantity', b.quantity,
                        'reseller_id', b.reseller_id, 'reseller_card_price', b.reseller_card_price,
                        'code_length', b.code_length, 'prefix', b.prefix,
                        'separate_password', b.separate_password) as doc
                )
                select id, audit($1, $12, $13, 'voucher_batch.create', id::text, null, doc) from created
                """, tenant.id, package.id, package.name, package.price, package.validityMinutes, package.dataQuotaMB,
                draft.reseller?.id, draft.quantity, draft.codeLength, draft.prefix, draft.separatePassword, actor.email,
                actor.clientAddress, draft.reseller?.cardPrice(forCardsOf: package.price)
            ).first?.decode("id", as: UUID.self)
            guard let batchID else { return nil }
            let codes = try issuer.issue(count: draft.quantity, length: draft.codeLength, draw: draft.drawCode) { drawn in
                try db.query(
                    """
                    insert into vouchers (tenant_id, code, profile_id, batch_id, data_quota_mb)
                    select $1, d.code, $3, $4, $5 from unnest($2::text[]) as d(code)
                    where not exists (select 1 from radcheck where username = d.code)
                    on conflict (code) do nothing
                    returning code
                    """, tenant.id, drawn, package.id, batchID, package.dataQuotaMB
                ).map { try $0.decode("code", as: String.self) }
            }
            var passwords = codes
            if draft.separatePassword {
                passwords = codes.map { _ in draft.drawPassword() }
                try db.enqueue(
                    """
                    update vouchers v set password = p.password
                    from unnest($2::text[], $3::text[]) as p(code, password)
                    where v.tenant_id = $1 and v.code = p.code
                    """, tenant.id, codes, passwords)
            }
            try radius.provision(
                codes: codes, passwords: passwords, package: package, tenantID: tenant.id, tenantSlug: tenant.slug, on: db)
            return batchID
        }
    }

    /// Disabling refuses the batch's unused codes in RADIUS (`Auth-Type := Reject`, which FreeRADIUS
    /// honours before any password check) and marks them revoked. Codes already used keep working:
    /// someone paid the reseller for them, and cutting a customer off mid-package is not the ISP's intent
    /// when it withdraws unsold stock. Enabling takes the refusals away again.
    /// - Returns: false for another tenant's or an unknown batch.
    func setDisabled(_ disabled: Bool, batch id: UUID, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        try database.scoped(to: tenant).transaction { db in
            let found = try db.query(
                "select disabled_at is not null as disabled from voucher_batches where tenant_id = $1 and id = $2 for update",
                tenant.id, id)
            guard let row = found.first else { return false }
            guard try row.decode("disabled", as: Bool.self) != disabled else { return true }
            if disabled {
                try db.query(
                    """
                    with unused as (
                        update vouchers v set status = 'revoked'
                        where v.tenant_id = $1 and v.batch_id = $2
                            and not gerbang_voucher_used(v.tenant_id, v.code, v.status)
                        returning v.code
                    )
                    insert into radcheck (username, attribute, op, value, tenant_id)
                    select code, 'Auth-Type', ':=', 'Reject', $1 from unused
                    on conflict do nothing
                    """, tenant.id, id)
            } else {
                try db.query(
                    """
                    with restored as (
                        update vouchers v set status = 'issued'
                        where v.tenant_id = $1 and v.batch_id = $2 and v.status = 'revoked'
                        returning v.code
                    )
                    delete from radcheck c using restored
                    where c.tenant_id = $1 and c.username = restored.code and c.attribute = 'Auth-Type'
                    """, tenant.id, id)
            }
            try db.query(
                """
                with changed as (
                    update voucher_batches set disabled_at = case when $3::boolean then now() end
                    where tenant_id = $1 and id = $2
                    returning id
                )
                select audit($1, $4, $6, $5, id::text) from changed
                """, tenant.id, id, disabled, actor.email,
                disabled ? "voucher_batch.disable" : "voucher_batch.enable", actor.clientAddress)
            return true
        }
    }

    /// Deletes a batch none of whose codes ever logged in, with its codes' RADIUS rows.
    func delete(_ id: UUID, for tenant: Tenant, by actor: AuditActor) throws -> DeleteOutcome {
        try database.scoped(to: tenant).transaction { db in
            let found = try db.query(
                """
                select exists (
                    select 1 from vouchers v
                    where v.tenant_id = $1 and v.batch_id = b.id and gerbang_voucher_used(v.tenant_id, v.code, v.status)
                ) as used
                from voucher_batches b where b.tenant_id = $1 and b.id = $2 for update of b
                """, tenant.id, id)
            guard let row = found.first else { return .notFound }
            if try row.decode("used", as: Bool.self) { return .inUse }
            try db.enqueue(
                """
                delete from radcheck c using vouchers v
                where v.tenant_id = $1 and v.batch_id = $2 and c.tenant_id = $1 and c.username = v.code
                """, tenant.id, id)
            try db.enqueue(
                """
                delete from radusergroup g using vouchers v
                where v.tenant_id = $1 and v.batch_id = $2 and g.tenant_id = $1 and g.username = v.code
                """, tenant.id, id)
            try db.enqueue("delete from vouchers where tenant_id = $1 and batch_id = $2", tenant.id, id)
            try db.query(
                """
                with gone as (
                    delete from voucher_batches b where tenant_id = $1 and id = $2
                    returning jsonb_build_object('package', b.profile_name, 'quantity', b.quantity,
                        'reseller_id', b.reseller_id) as doc
                )
                select audit($1, $3, $4, 'voucher_batch.delete', $2::text, doc) from gone
                """, tenant.id, id, actor.email, actor.clientAddress)
            return .deleted
        }
    }
}
