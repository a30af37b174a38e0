import Foundation
import Postgres

/// Start-up work for the secrets kept encrypted under `SECRETS_KEY`: plain values (rows from before
/// encryption, or written by hand) are encrypted and cleared, and a key that cannot open what is
/// already stored stops the start with a message naming `SECRETS_KEY`, rather than every checkout
/// failing later. The migration cannot do this itself: the key is never in a migration.
struct SecretsAtRest: Sendable {
    let database: PostgresPool
    let secrets: SecretsKey

    /// Checks the key against one stored value of each kind, then seals every plain value; every
    /// instance and worker may run it at once (a row sealed by one is skipped by the others).
    func sealPlainValues() throws {
        if let problem = try keyProblem() { throw ConfigError(problems: [problem]) }
        try database.unscoped.transaction { db in
            // Sealing is no change of the account: its open checkout pages stay valid (see the
            // `payment_gateways_forget_checkouts` trigger).
            try db.enqueue("select set_config('gerbang.sealing_secrets', 'on', true)")
            try db.query(
                """
                update payment_gateways set settings_sealed = pgp_sym_encrypt(settings::text, $1), settings = null
                where settings is not null
                """, secrets.passphrase)
            try db.query(
                """
                update tenant_whatsapp_senders set token_sealed = pgp_sym_encrypt(token, $1), token = null
                where token is not null
                """, secrets.passphrase)
        }
    }

    /// Why the key cannot open one stored value of each kind, or nil when it can (or nothing is stored).
    private func keyProblem() throws -> String? {
        let failure: PostgresError
        do {
            try database.unscoped.query(
                """
                select (select pgp_sym_decrypt(settings_sealed, $1) from payment_gateways
                        where settings_sealed is not null limit 1) as gateway,
                    (select pgp_sym_decrypt(token_sealed, $1) from tenant_whatsapp_senders
                        where token_sealed is not null limit 1) as whatsapp
                """, secrets.passphrase)
            return nil
        } catch {
            failure = error
        }
        if failure.isUnavailable { throw failure }
        return "SECRETS_KEY does not decrypt the secrets stored in the database (was it changed?): \(failure.message)"
    }
}
