import Foundation
import Postgres

/// Adds and edits a tenant's resellers and records their settlements, each change in one tenant-scoped
/// transaction with its `audit_log` row.
struct ResellerEditor: Sendable {
    enum Outcome: Sendable, Equatable {
        case saved(UUID)
        case notFound
        /// Another of the tenant's resellers has the name (in any letter case).
        case nameTaken
    }

    let database: PostgresPool

    /// - Parameter draft: a draft without errors.
    func create(_ draft: ResellerDraft, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        let (terms, percent, price) = Self.columns(draft.terms)
        return try mappingConflicts {
            try database.scoped(to: tenant).transaction { db in
                let id = try db.query(
                    """
                    with created as (
                        insert into resellers as r (tenant_id, name, whatsapp, terms, commission_percent, card_price, is_active)
                        values ($1, $2, $3, $4, $5::integer, $6::bigint, $7)
                        returning r.id, audit_document(r) as doc
                    )
                    select id, audit($1, $8, $9, 'reseller.create', id::text, null, doc) from created
                    """, tenant.id, draft.name, draft.whatsApp, terms, percent, price, draft.isActive, actor.email,
                    actor.clientAddress
                ).first?.decode("id", as: UUID.self)
                return id.map(Outcome.saved) ?? .notFound
            }
        }
    }

    /// Changes the reseller's details and terms; its batches keep the price per card they were made with.
    func update(_ id: UUID, with draft: ResellerDraft, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        let (terms, percent, price) = Self.columns(draft.terms)
        return try mappingConflicts {
            try database.scoped(to: tenant).transaction { db in
                // The statement's snapshot gives `old` the row as it was; `changed` is the row as written.
                let rows = try db.query(
                    """
                    with old as (
                        select audit_document(r) as doc from resellers r where tenant_id = $1 and id = $2
                    ), changed as (
                        update resellers r set name = $3, whatsapp = $4, terms = $5, commission_percent = $6::integer,
                            card_price = $7::bigint, is_active = $8, updated_at = now()
                        where tenant_id = $1 and id = $2
                        returning audit_document(r) as doc
                    )
                    select case when old.doc is distinct from changed.doc
                        then audit($1, $9, $10, 'reseller.update', $2::text, old.doc, changed.doc) end
                    from old, changed
                    """, tenant.id, id, draft.name, draft.whatsApp, terms, percent, price, draft.isActive, actor.email,
                    actor.clientAddress)
                return rows.isEmpty ? .notFound : .saved(id)
            }
        }
    }

    /// Appends the settlement to `payments` (subject `reseller`), dated when the money changed hands:
    /// now when that is today, otherwise noon of that day in the tenant's time zone, so it falls on the
    /// day the admin gave in every report.
    /// - Returns: false for another tenant's or an unknown reseller.
    func settle(
        _ draft: SettlementDraft, reseller id: UUID, today: String, timeZone: String, for tenant: Tenant, by actor: AuditActor
    ) throws -> Bool {
        try database.scoped(to: tenant).transaction { db in
            let rows = try db.query(
                """
                with settled as (
                    insert into payments as p (tenant_id, subject, subject_id, gateway_provider, amount, status,
                        method, recorded_by, note, created_at)
                    select $1, 'reseller', r.id, $4::text, $3, 'paid', $4::text, $5, $6,
                        case when $7::date = $8::date then now() else ($7::date + time '12:00') at time zone $9 end
                    from resellers r where r.tenant_id = $1 and r.id = $2
                    returning p.id, jsonb_build_object('amount', p.amount, 'method', p.method, 'note', p.note,
                        'day', $7::text) as doc
                )
                select audit($1, $5, $10, 'reseller.settlement', $2::text, null, doc) from settled
                """, tenant.id, id, draft.amount, draft.method, actor.email, draft.note, draft.day, today, timeZone,
                actor.clientAddress)
            return !rows.isEmpty
        }
    }

    /// The terms as the table's three columns.
    private static func columns(_ terms: Reseller.Terms) -> (String, Int?, Int64?) {
        switch terms {
        case .commission(let percent): ("commission", percent, nil)
        case .price(let price): ("price", nil, price)
        }
    }

    private func mappingConflicts(_ body: () throws -> Outcome) throws -> Outcome {
        do {
            return try body()
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == "resellers_tenant_name" {
            return .nameTaken
        }
    }
}
