import Foundation
import Postgres

/// The platform's central accounts (`tenant_id` null) as head office edits them: keys merged so a
/// blank field keeps the stored key, one active account at most, and an `audit_log` row per save
/// that holds the keys only masked.
extension PaymentGatewayRepository {
    /// The settings keys each provider's adapter needs (`GatewayFactory`), in the order a form asks them.
    static func requiredKeys(for provider: PaymentProvider) -> [String] {
        switch provider {
        case .sandbox: ["secret"]
        case .midtrans: ["server_key"]
        case .xendit: ["secret_key", "callback_token"]
        }
    }

    /// Every central account, whichever provider; at most one per provider.
    func centralAccounts() throws -> [PaymentGatewayAccount] {
        try database.unscoped.query(
            "select id, tenant_id, provider, coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $1)) as settings, is_sandbox, is_active from payment_gateways where tenant_id is null order by provider",
            secrets.passphrase
        ).map(Self.account(from:))
    }

    /// What a save would leave in `provider`'s settings: the typed keys over the stored ones.
    /// - Parameter typed: only the keys typed in (blank ones left out: blank keeps the stored key).
    func mergedCentralSettings(provider: PaymentProvider, typed: [String: String]) throws -> [String: String] {
        let stored = try centralAccounts().first { $0.provider == provider }?.settings ?? [:]
        return stored.merging(typed) { $1 }
    }

    /// Creates or updates the central account for `provider`, audited. Activating it deactivates the
    /// other central accounts in the same transaction, since only one may be active.
    ///
    /// - Parameter typed: only the keys typed in; the stored ones are kept under the others.
    @discardableResult
    func saveCentral(
        provider: PaymentProvider, typed: [String: String], isSandbox: Bool, isActive: Bool, by actor: AuditActor
    ) throws -> PaymentGatewayAccount {
        try database.unscoped.transaction { db in
            let before = try db.query(
                """
                select id, tenant_id, provider, coalesce(settings::text, pgp_sym_decrypt(settings_sealed, $2)) as settings, is_sandbox, is_active from payment_gateways
                where tenant_id is null and provider = $1 for update
                """, provider.rawValue, secrets.passphrase
            ).first.map(Self.account(from:))
            let settings = (before?.settings ?? [:]).merging(typed) { $1 }
            let saved = try Self.upsert(
                tenantID: nil, provider: provider, settings: settings, isSandbox: isSandbox, isActive: isActive,
                secrets: secrets, on: db)
            try db.query(
                """
                select audit(null, $1, $5, 'gateway.central.save', $2, $3::text::jsonb, $4::text::jsonb)
                """, actor.email, provider.rawValue, before.map(Self.maskedJSON), Self.maskedJSON(saved),
                actor.clientAddress)
            return saved
        }
    }

    /// The account as an audit document: every key masked (`••••cdef`), never the key itself.
    static func maskedJSON(_ account: PaymentGatewayAccount) -> String {
        let object: [String: Any] = [
            "provider": account.provider.rawValue, "is_sandbox": account.isSandbox, "is_active": account.isActive,
            "settings": account.settings.mapValues(PaymentGatewayAccount.masked),
        ]
        return String(decoding: GatewayJSON.encode(object), as: UTF8.self)
    }
}
