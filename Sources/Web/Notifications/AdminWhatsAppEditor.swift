import Foundation
import Postgres

/// Reads, adds, edits and deletes a tenant's own WhatsApp senders, audited. Each change is one
/// transaction in the tenant's scope with its one `audit_log` row, whose before and after carry the
/// token masked; an edit that changes nothing writes no audit row. Tokens are stored encrypted under
/// `SECRETS_KEY` (`token_sealed`); a plain `token` (an older row) is read as it is and sealed at the next start.
struct AdminWhatsAppEditor: Sendable {
    let database: PostgresPool
    let secrets: SecretsKey

    /// One of the tenant's own senders as stored.
    struct Stored: Sendable, Equatable {
        let id: UUID
        let name: String
        let token: String
        let perMinute: Int
        let isActive: Bool

        var maskedToken: String { PaymentGatewayAccount.masked(token) }

        init(row: PostgresRow) throws {
            id = try row.decode("id")
            name = try row.decode("name")
            token = try row.decode("token")
            perMinute = try row.decode("per_minute")
            isActive = try row.decode("is_active")
        }
    }

    /// The tenant's own senders, oldest first.
    func senders(for tenant: Tenant) throws -> [Stored] {
        try database.scoped(to: tenant).query(
            "select id, name, per_minute, is_active, coalesce(token, pgp_sym_decrypt(token_sealed, $2)) as token from tenant_whatsapp_senders where tenant_id = $1 order by created_at, id",
            tenant.id, secrets.passphrase
        ).map(Stored.init(row:))
    }

    func sender(_ id: UUID, for tenant: Tenant) throws -> Stored? {
        try database.scoped(to: tenant).query(
            "select id, name, per_minute, is_active, coalesce(token, pgp_sym_decrypt(token_sealed, $2)) as token from tenant_whatsapp_senders where tenant_id = $1 and id = $3",
            tenant.id, secrets.passphrase, id
        ).first.map(Stored.init(row:))
    }

    /// - Parameter draft: a draft without errors, with a token.
    func create(_ draft: AdminWhatsAppDraft, for tenant: Tenant, by actor: AuditActor) throws {
        try database.scoped(to: tenant).transaction { db in
            let id = try db.query(
                """
                insert into tenant_whatsapp_senders (tenant_id, name, token, token_sealed, per_minute, is_active)
                values ($1, $2, null, pgp_sym_encrypt($3, $4), $5, $6)
                returning id
                """, tenant.id, draft.name, draft.typedToken ?? "", secrets.passphrase, draft.perMinute, draft.isActive
            ).single().decode("id", as: UUID.self)
            try audit(
                db, tenant: tenant, actor: actor, action: "whatsapp.sender_create", id: id, before: nil,
                after: Document(draft, maskedToken: PaymentGatewayAccount.masked(draft.typedToken ?? "")))
        }
    }

    /// - Parameter draft: a draft without errors; a nil token keeps the stored one.
    /// - Returns: false for another tenant's or an unknown sender.
    func update(_ id: UUID, with draft: AdminWhatsAppDraft, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        try database.scoped(to: tenant).transaction { db in
            guard
                let before = try db.query(
                    "select id, name, per_minute, is_active, coalesce(token, pgp_sym_decrypt(token_sealed, $2)) as token from tenant_whatsapp_senders where tenant_id = $1 and id = $3 for update",
                    tenant.id, secrets.passphrase, id
                ).first.map(Stored.init(row:))
            else { return false }
            let token = draft.typedToken ?? before.token
            let old = Document(name: before.name, token: before.maskedToken, perMinute: before.perMinute, isActive: before.isActive)
            let new = Document(draft, maskedToken: PaymentGatewayAccount.masked(token))
            guard new != old || token != before.token else { return true }
            try db.query(
                """
                update tenant_whatsapp_senders
                set name = $3, token = null, token_sealed = pgp_sym_encrypt($4, $5), per_minute = $6, is_active = $7,
                    updated_at = now()
                where tenant_id = $1 and id = $2
                """, tenant.id, id, draft.name, token, secrets.passphrase, draft.perMinute, draft.isActive)
            try audit(db, tenant: tenant, actor: actor, action: "whatsapp.sender_update", id: id, before: old, after: new)
            return true
        }
    }

    /// - Returns: false for another tenant's or an unknown sender.
    func delete(_ id: UUID, for tenant: Tenant, by actor: AuditActor) throws -> Bool {
        try database.scoped(to: tenant).transaction { db in
            guard
                let before = try db.query(
                    "delete from tenant_whatsapp_senders where tenant_id = $1 and id = $3 returning id, name, per_minute, is_active, coalesce(token, pgp_sym_decrypt(token_sealed, $2)) as token",
                    tenant.id, secrets.passphrase, id
                ).first.map(Stored.init(row:))
            else { return false }
            try audit(
                db, tenant: tenant, actor: actor, action: "whatsapp.sender_delete", id: id,
                before: Document(name: before.name, token: before.maskedToken, perMinute: before.perMinute, isActive: before.isActive),
                after: nil)
            return true
        }
    }

    /// What an audit row says of a sender: its token masked.
    private struct Document: Equatable {
        let name: String
        let token: String
        let perMinute: Int
        let isActive: Bool

        init(name: String, token: String, perMinute: Int, isActive: Bool) {
            (self.name, self.token, self.perMinute, self.isActive) = (name, token, perMinute, isActive)
        }

        init(_ draft: AdminWhatsAppDraft, maskedToken: String) {
            self.init(name: draft.name, token: maskedToken, perMinute: draft.perMinute, isActive: draft.isActive)
        }
    }

    private func audit(
        _ db: PostgresConnection, tenant: Tenant, actor: AuditActor, action: String, id: UUID, before: Document?,
        after: Document?
    ) throws {
        try db.query(
            """
            select audit($1, $2, $5, $3, $4,
                case when $6::text is null then null else jsonb_build_object('provider', 'fonnte', 'name', $6::text,
                    'token', $7::text, 'per_minute', $8::integer, 'is_active', $9::boolean) end,
                case when $10::text is null then null else jsonb_build_object('provider', 'fonnte', 'name', $10::text,
                    'token', $11::text, 'per_minute', $12::integer, 'is_active', $13::boolean) end)
            """, tenant.id, actor.email, action, "tenant_whatsapp_senders/" + id.uuidString.lowercased(),
            actor.clientAddress, before?.name, before?.token, before?.perMinute, before?.isActive, after?.name,
            after?.token, after?.perMinute, after?.isActive)
    }
}
