import Foundation
import Postgres

/// Reads and saves a tenant's own WhatsApp sender, audited. One transaction in the tenant's scope
/// holds the change and its one `audit_log` row, whose before and after carry the token masked. A save
/// that changes nothing writes no audit row. The token is stored encrypted under `SECRETS_KEY`
/// (`token_sealed`); a plain `token` (an older row) is read as it is and sealed at the next start.
struct AdminWhatsAppEditor: Sendable {
    let database: PostgresPool
    let secrets: SecretsKey

    /// The tenant's own sender as stored.
    struct Stored: Sendable, Equatable {
        let token: String
        let isActive: Bool

        var maskedToken: String { PaymentGatewayAccount.masked(token) }

        init(token: String, isActive: Bool) {
            self.token = token
            self.isActive = isActive
        }

        init(row: PostgresRow) throws {
            self.init(token: try row.decode("token"), isActive: try row.decode("is_active"))
        }
    }

    func current(for tenant: Tenant) throws -> Stored? {
        try database.scoped(to: tenant).query(
            "select coalesce(token, pgp_sym_decrypt(token_sealed, $2)) as token, is_active from tenant_whatsapp_senders where tenant_id = $1", tenant.id, secrets.passphrase
        ).first.map(Stored.init(row:))
    }

    /// - Parameter draft: a draft without errors.
    func save(_ draft: AdminWhatsAppDraft, for tenant: Tenant, by actor: AuditActor) throws {
        try database.scoped(to: tenant).transaction { db in
            let before = try db.query(
                "select coalesce(token, pgp_sym_decrypt(token_sealed, $2)) as token, is_active from tenant_whatsapp_senders where tenant_id = $1 for update", tenant.id,
                secrets.passphrase
            ).first.map(Stored.init(row:))
            guard let token = draft.typedToken ?? before?.token else { return }  // off, and nothing stored
            let after = Stored(token: token, isActive: draft.useOwnSender)
            guard after != before else { return }
            try db.query(
                """
                insert into tenant_whatsapp_senders (tenant_id, token, token_sealed, is_active)
                values ($1, null, pgp_sym_encrypt($2, $4), $3)
                on conflict (tenant_id) do update set token = null, token_sealed = excluded.token_sealed,
                    is_active = excluded.is_active, updated_at = now()
                """, tenant.id, after.token, after.isActive, secrets.passphrase)
            try db.query(
                """
                insert into audit_log (tenant_id, actor, action, target, before, after, ip)
                values ($1, $2, 'whatsapp.update', 'tenant_whatsapp_senders',
                    case when $4::text is null then null
                        else jsonb_build_object('provider', 'fonnte', 'token', $4::text, 'is_active', $5::boolean) end,
                    jsonb_build_object('provider', 'fonnte', 'token', $6::text, 'is_active', $7::boolean), $3)
                """, tenant.id, actor.email, actor.clientAddress, before?.maskedToken, before?.isActive, after.maskedToken,
                after.isActive)
        }
    }
}
