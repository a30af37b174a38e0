import Foundation
import Postgres
import Templates

/// A subscriber's own password: changed while signed in (the current one required), or set anew with
/// a one-time code sent to the WhatsApp number on file. bcrypt (`crypt`/`gen_salt('bf')`) and the
/// code's HMAC run in PostgreSQL; only the HMAC of a code is stored. Either way every other session of
/// the subscriber ends, and one `audit_log` row (holding no password or code) records it. The code's
/// WhatsApp text stays in the outbox only until it is sent; then the code in it is masked.
struct SubscriberPasswords: Sendable {
    let database: PostgresPool
    let secrets: SecretsKey
    private let outbox = NotificationOutbox()

    /// How long a code works.
    static let codeLifetimeMinutes = 15
    /// Wrong guesses a code takes before it stops working.
    static let maxWrongGuesses = 5
    /// Codes sent per subscriber per hour at most: more requests are answered alike and send nothing,
    /// so nobody can flood a subscriber's WhatsApp.
    static let maxCodesPerHour = 3

    /// Replaces the password when `current` is right, ending every session of the subscriber but
    /// `keeping` (the one that asked). - Returns: false when `current` is wrong.
    func change(
        _ subscriber: Subscriber, current: String, new: String, keeping sessionToken: String?, clientAddress: String
    ) throws -> Bool {
        try database.scoped(toTenantID: subscriber.tenantID).transaction { db in
            let updated = try db.query(
                """
                update subscribers set password_hash = crypt($4, gen_salt('bf', $5)), updated_at = now()
                where tenant_id = $1 and id = $2 and crypt($3, password_hash) = password_hash
                returning id
                """, subscriber.tenantID, subscriber.id, current, new, PasswordHash.cost)
            guard !updated.isEmpty else { return false }
            try endSessions(of: subscriber.id, tenantID: subscriber.tenantID, keeping: sessionToken, on: db)
            try audit("subscriber.password_change", subscriber.id, tenantID: subscriber.tenantID, address: clientAddress, on: db)
            return true
        }
    }

    /// Sends a new code to the subscriber that `login` (customer number or PPPoE username, any case)
    /// names, through the outbox, when there is one with a WhatsApp number that has not had
    /// `maxCodesPerHour` codes already. Says nothing either way: the caller answers alike.
    func sendCode(login: String, tenant: Tenant, seller: String, language: Language) throws {
        let code = RandomToken.code(length: 6, alphabet: Array("0123456789"))
        try database.scoped(to: tenant).transaction { db in
            guard
                let row = try db.query(
                    """
                    select id, phone from subscribers
                    where tenant_id = $1 and status <> 'terminated' and phone <> ''
                        and (customer_number = upper($2) or pppoe_username = lower($2))
                        and (select count(*) from subscriber_password_resets r
                             where r.tenant_id = $1 and r.subscriber_id = subscribers.id
                                and r.created_at > now() - interval '1 hour') < $3
                    order by customer_number = upper($2) desc
                    limit 1
                    for update
                    """, tenant.id, login, Self.maxCodesPerHour
                ).first
            else { return }
            let subscriberID = try row.decode("id", as: UUID.self)
            // Only the newest code works.
            try db.query(
                """
                update subscriber_password_resets set expires_at = least(expires_at, now())
                where tenant_id = $1 and subscriber_id = $2 and used_at is null
                """, tenant.id, subscriberID)
            try db.query(
                """
                insert into subscriber_password_resets (tenant_id, subscriber_id, code_hmac, expires_at)
                values ($1, $2, encode(hmac(convert_to($3, 'UTF8'), convert_to($4, 'UTF8'), 'sha256'), 'hex'),
                    now() + make_interval(mins => $5))
                """, tenant.id, subscriberID, code, secrets.passphrase, Self.codeLifetimeMinutes)
            try outbox.queue(
                .whatsapp, to: try row.decode("phone", as: String.self),
                body: language.portalAccountStrings.codeMessage(seller, code, Self.codeLifetimeMinutes),
                tenantID: tenant.id, subjectReference: "password-reset",
                redactedBody: language.portalAccountStrings.codeMessage(seller, "••••••", Self.codeLifetimeMinutes),
                on: db)
        }
    }

    /// Sets `new` as the password of the subscriber `login` names when `code` is its live code, and
    /// ends all its sessions. A wrong code counts against the live one, which stops working after
    /// `maxWrongGuesses`. - Returns: the subscriber's id, or nil for an unknown account, no live code
    /// or a wrong one (the caller answers all alike).
    func reset(login: String, code: String, new: String, tenant: Tenant, clientAddress: String) throws -> UUID? {
        try database.scoped(to: tenant).transaction { db in
            guard
                let row = try db.query(
                    """
                    select r.id, r.subscriber_id,
                        r.code_hmac = encode(hmac(convert_to($3, 'UTF8'), convert_to($4, 'UTF8'), 'sha256'), 'hex') as matches
                    from subscriber_password_resets r
                    join subscribers s on s.tenant_id = r.tenant_id and s.id = r.subscriber_id
                    where r.tenant_id = $1 and s.status <> 'terminated'
                        and (s.customer_number = upper($2) or s.pppoe_username = lower($2))
                        and r.used_at is null and r.expires_at > now() and r.wrong_guesses < $5
                    order by s.customer_number = upper($2) desc, r.created_at desc
                    limit 1
                    for update of r
                    """, tenant.id, login, code, secrets.passphrase, Self.maxWrongGuesses
                ).first
            else { return nil }
            let resetID = try row.decode("id", as: UUID.self)
            guard try row.decode("matches", as: Bool.self) else {
                try db.query(
                    "update subscriber_password_resets set wrong_guesses = wrong_guesses + 1 where tenant_id = $1 and id = $2",
                    tenant.id, resetID)
                return nil
            }
            let subscriberID = try row.decode("subscriber_id", as: UUID.self)
            try db.query(
                "update subscriber_password_resets set used_at = now() where tenant_id = $1 and id = $2", tenant.id, resetID)
            try db.query(
                """
                update subscribers set password_hash = crypt($3, gen_salt('bf', $4)), updated_at = now()
                where tenant_id = $1 and id = $2
                """, tenant.id, subscriberID, new, PasswordHash.cost)
            try endSessions(of: subscriberID, tenantID: tenant.id, keeping: nil, on: db)
            try audit("subscriber.password_reset", subscriberID, tenantID: tenant.id, address: clientAddress, on: db)
            return subscriberID
        }
    }

    private func endSessions(of subscriberID: UUID, tenantID: UUID, keeping token: String?, on db: PostgresConnection) throws {
        try db.query(
            """
            delete from sessions
            where tenant_id = $1 and kind = 'subscriber' and principal_id = $2
                and ($3::text is null or id <> token_hash($3::text))
            """, tenantID, subscriberID, token)
    }

    private func audit(_ action: String, _ subscriberID: UUID, tenantID: UUID, address: String, on db: PostgresConnection)
        throws
    {
        try db.query(
            """
            select audit($1, 'subscriber:' || customer_number, $4, $3, 'subscribers/' || customer_number)
            from subscribers where tenant_id = $1 and id = $2
            """, tenantID, subscriberID, action, address)
    }
}
