import Foundation
import Postgres

/// Adds, edits and deletes a tenant's routers (`nas` rows), each change in one tenant-scoped
/// transaction with its `audit_log` row, whose before and after carry the secret only masked.
/// FreeRADIUS looks routers up when they first ask (dynamic clients), so no reload is needed.
struct RadiusRouterEditor: Sendable {
    enum Outcome: Sendable, Equatable {
        case saved(Int)
        case notFound
        case nameTaken
        /// Another router on the platform (this tenant's or another's) has the address.
        case addressTaken
    }

    let database: PostgresPool

    /// - Parameter draft: a draft without errors, with a secret.
    func create(_ draft: Draft, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        try mappingConflicts {
            try database.scoped(to: tenant).transaction { db in
                let id = try db.query(
                    """
                    with created as (
                        insert into nas as n (tenant_id, shortname, identifier, nasname, secret, kind, coa_port, type)
                        values ($1, $2, $3, $4, $5, $6, $7::integer, 'other')
                        returning n.id, audit_document(n) || jsonb_build_object('secret', $8::text) as doc
                    )
                    select id, audit($1, $9, $10, 'router.create', id::text, null, doc) from created
                    """, tenant.id, draft.name, draft.identifier, draft.address, draft.secret ?? "", draft.kind.rawValue,
                    draft.coaPort, PaymentGatewayAccount.masked(draft.secret ?? ""), actor.email, actor.clientAddress
                ).single().decode("id", as: Int.self)
                return .saved(id)
            }
        }
    }

    /// - Parameter draft: a draft without errors; a nil secret keeps the stored one.
    func update(_ id: Int, with draft: Draft, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        try mappingConflicts {
            try database.scoped(to: tenant).transaction { db in
                let old = try db.query(
                    "select secret from nas where tenant_id = $1 and id = $2 for update", tenant.id, id)
                guard let stored = try old.first?.decode("secret", as: String.self) else { return .notFound }
                let secret = draft.secret ?? stored
                try db.query(
                    """
                    with old as (
                        select audit_document(n) || jsonb_build_object('secret', $10::text) as doc
                        from nas n where tenant_id = $1 and id = $2
                    ), changed as (
                        update nas n set shortname = $3, identifier = $4, secret = $6, kind = $7,
                            nasname = case when exists (select from router_tunnels t where t.nas_id = n.id)
                                then n.nasname else $5 end,
                            coa_port = $8::integer, updated_at = now()
                        where tenant_id = $1 and id = $2
                        returning audit_document(n) || jsonb_build_object('secret', $9::text) as doc
                    )
                    select audit($1, $11, $12, 'router.update', $2::text, old.doc, changed.doc) from old, changed
                    where old.doc is distinct from changed.doc
                    """, tenant.id, id, draft.name, draft.identifier, draft.address, secret, draft.kind.rawValue,
                    draft.coaPort, PaymentGatewayAccount.masked(secret), PaymentGatewayAccount.masked(stored),
                    actor.email, actor.clientAddress)
                // A tunnelled router keeps its tunnel address; what was typed comes back when the tunnel goes.
                try db.query(
                    "update router_tunnels set own_address = $3 where tenant_id = $1 and nas_id = $2", tenant.id, id,
                    draft.address)
                return .saved(id)
            }
        }
    }

    /// - Returns: false for another tenant's or an unknown router. Its sessions stay in `radacct` as history.
    func delete(_ id: Int, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        try database.scoped(to: tenant).transaction { db in
            let deleted = try db.query(
                """
                with gone as (
                    delete from nas n where tenant_id = $1 and id = $2
                    returning audit_document(n) as doc
                )
                select audit($1, $3, $4, 'router.delete', $2::text, doc) from gone
                """, tenant.id, id, actor.email, actor.clientAddress)
            return !deleted.isEmpty
        }
    }

    /// A name or address already taken is the admin's to fix, not a server error. The address index is
    /// platform-wide: the other row may be invisible in this tenant's scope, but the index still sees it.
    private func mappingConflicts(_ body: () throws -> Outcome) throws -> Outcome {
        do {
            return try body()
        } catch let error as PostgresError where error.isUniqueViolation {
            switch error.constraint {
            case "nas_address": return .addressTaken
            case "nas_tenant_shortname": return .nameTaken
            default: throw error
            }
        }
    }
}
