import Foundation
import Postgres

/// The sender's side of the outbox: claim what is due, then record how each attempt went.
extension NotificationOutbox {
    /// One message claimed for an attempt.
    struct Claimed: Sendable {
        let tenantID: UUID
        let id: Int64
        let recipient: String
        let body: String
        /// Attempts so far, this one included.
        let attempts: Int
        /// Time since the message was queued.
        let age: Duration
        /// The tenant's own active senders, tried before the platform's; empty when it has none.
        var ownSenders: [OwnSender] = []
    }

    /// One of a tenant's own WhatsApp senders, its device token decrypted.
    struct OwnSender: Sendable {
        let id: UUID
        let name: String
        let fonnteToken: String
        let perMinute: Int
    }

    /// Claims up to `limit` due WhatsApp messages of every tenant and counts the attempt. Tenants take
    /// turns: each tenant's oldest due message comes before any tenant's second, so one ISP's billing
    /// run of thousands of reminders on the platform's number does not hold another ISP's buyer, whose
    /// voucher codes are in one message, behind it for the hours that backlog takes to send.
    ///
    /// In that order, a batch holds the first turns of the tenants whose oldest due message is oldest. So
    /// the claim reads one message of each tenant with messages waiting (`notifications_whatsapp_due`
    /// lists those tenants a step each), then the turns of a batch's worth of them, and locks only the
    /// batch; migration 0052 says what reading and locking every tenant's messages cost.
    ///
    /// A claimed message is not due again until `lease` has passed, so another instance (or this one,
    /// after a crash mid-send) takes it only then; `skip locked` keeps two claims from waiting on each
    /// other: a message another claim holds is left out of this batch (it is re-checked once locked).
    /// - Parameter includingCentral: false when the platform has no sender of its own: only tenants
    ///   with their own active sender have anything to claim; the others' messages wait.
    /// - Parameter secrets: decrypts the tenants' own device tokens.
    /// - Parameter now: the clock to claim by; nil is the database's (tests inject a later minute).
    func claimDueWhatsAppMessages(
        limit: Int, lease: Duration, includingCentral: Bool, secrets: SecretsKey, now: Date? = nil,
        on database: PostgresPool
    ) throws -> [Claimed] {
        let rows = try database.unscoped.query(
            """
            with recursive waiting(tenant_id) as (
                (select q.tenant_id from notifications q
                    where q.status = 'pending' and q.channel = 'whatsapp' order by q.tenant_id limit 1)
                union all
                select (select q.tenant_id from notifications q
                        where q.status = 'pending' and q.channel = 'whatsapp' and q.tenant_id > waiting.tenant_id
                        order by q.tenant_id limit 1)
                from waiting where waiting.tenant_id is not null
            ),
            tenant as (
                select w.tenant_id from waiting w where $3 and w.tenant_id is not null
                union all
                select distinct s.tenant_id from tenant_whatsapp_senders s where not $3 and s.is_active
            ),
            first_due as (
                select tenant.tenant_id from tenant
                cross join lateral (
                    select q.next_attempt_at from notifications q
                    where q.tenant_id = tenant.tenant_id and q.status = 'pending' and q.channel = 'whatsapp'
                        and q.next_attempt_at <= coalesce($4::timestamptz, now())
                    order by q.next_attempt_at, q.id
                    limit 1
                ) oldest
                order by oldest.next_attempt_at
                limit $1
            ),
            candidate as (
                select d.tenant_id, d.id, d.next_attempt_at,
                    row_number() over (partition by d.tenant_id order by d.next_attempt_at, d.id) as turn
                from first_due
                cross join lateral (
                    select q.tenant_id, q.id, q.next_attempt_at from notifications q
                    where q.tenant_id = first_due.tenant_id and q.status = 'pending' and q.channel = 'whatsapp'
                        and q.next_attempt_at <= coalesce($4::timestamptz, now())
                    order by q.next_attempt_at, q.id
                    limit $1
                ) d
                order by turn, d.next_attempt_at
                limit $1
            ),
            due as (
                select q.tenant_id, q.id, c.next_attempt_at, c.turn from candidate c
                join notifications q on q.tenant_id = c.tenant_id and q.id = c.id
                where q.status = 'pending' and q.channel = 'whatsapp'
                    and q.next_attempt_at <= coalesce($4::timestamptz, now())
                for update of q skip locked
            ),
            claimed as (
                update notifications n
                set attempts = n.attempts + 1,
                    next_attempt_at = coalesce($4::timestamptz, now()) + make_interval(secs => $2::double precision)
                from due
                where n.tenant_id = due.tenant_id and n.id = due.id
                returning n.tenant_id, n.id, n.recipient, n.body, n.attempts, due.turn, due.next_attempt_at as due_at,
                    extract(epoch from coalesce($4::timestamptz, now()) - n.created_at)::double precision as age_seconds
            )
            select tenant_id, id, recipient, body, attempts, age_seconds from claimed order by turn, due_at
            """, limit, Int(lease.components.seconds), includingCentral, now)
        var claimed = try rows.map { row in
            Claimed(
                tenantID: try row.decode("tenant_id"), id: try row.decode("id"), recipient: try row.decode("recipient"),
                body: try row.decode("body"), attempts: try row.decode("attempts"),
                age: .milliseconds(Int64((try row.decode("age_seconds", as: Double.self) * 1000).rounded())))
        }
        let own = try ownSenders(of: Array(Set(claimed.map(\.tenantID))), secrets: secrets, on: database)
        for index in claimed.indices { claimed[index].ownSenders = own[claimed[index].tenantID] ?? [] }
        return claimed
    }

    /// The active own senders of each of `tenantIDs`, oldest first.
    private func ownSenders(of tenantIDs: [UUID], secrets: SecretsKey, on database: PostgresPool) throws
        -> [UUID: [OwnSender]]
    {
        guard !tenantIDs.isEmpty else { return [:] }
        var senders: [UUID: [OwnSender]] = [:]
        for row in try database.unscoped.query(
            """
            select tenant_id, id, name, per_minute, coalesce(token, pgp_sym_decrypt(token_sealed, $2)) as token
            from tenant_whatsapp_senders where tenant_id = any($1::text[]::uuid[]) and is_active
            order by created_at, id
            """, tenantIDs.map(\.uuidString), secrets.passphrase)
        {
            senders[try row.decode("tenant_id", as: UUID.self), default: []].append(
                OwnSender(
                    id: try row.decode("id"), name: try row.decode("name"), fonnteToken: try row.decode("token"),
                    perMinute: try row.decode("per_minute")))
        }
        return senders
    }

    /// Gives up every WhatsApp message queued more than `maxAge` ago and never tried since, all tenants
    /// at once: those no sender would take (a tenant without a number of its own while the platform
    /// has none). Without this they would wait for ever and every claim would step over them.
    /// - Returns: how many it gave up.
    @discardableResult
    func giveUpUnsentWhatsAppMessages(queuedBefore maxAge: Duration, reason: String, on database: PostgresPool) throws
        -> Int
    {
        try database.unscoped.query(
            """
            update notifications set status = 'failed', last_error = $2, body = coalesce(redacted_body, body),
                redacted_body = null
            where status = 'pending' and channel = 'whatsapp'
                and next_attempt_at < now() - make_interval(secs => $1::double precision)
                and created_at < now() - make_interval(secs => $1::double precision)
            """, Int(maxAge.components.seconds), reason
        ).affectedRows
    }

    /// - Parameter sentBy: which sender took it (`platform:fonnte`, `own:Kantor 2`).
    func markSent(_ message: Claimed, providerMessageID: String?, sentBy: String, on database: PostgresPool) throws {
        try database.scoped(toTenantID: message.tenantID).query(
            """
            update notifications set status = 'sent', sent_at = now(), provider_message_id = $3, last_error = null,
                sent_by = $4, body = coalesce(redacted_body, body), redacted_body = null
            where tenant_id = $1 and id = $2
            """, message.tenantID, message.id, providerMessageID, String(sentBy.prefix(200)))
    }

    /// Puts a message back untried, its claim's attempt taken back since nothing was tried: until the
    /// next minute when every sender it may use has spent this minute's capacity, or due at once when
    /// its batch ran out of time.
    func putBack(_ message: Claimed, untilNextMinute: Bool, now: Date?, on database: PostgresPool) throws {
        try database.scoped(toTenantID: message.tenantID).query(
            """
            update notifications
            set attempts = greatest(attempts - 1, 0),
                next_attempt_at = case when $4 then date_trunc('minute', coalesce($3::timestamptz, now())) + interval '1 minute'
                    else coalesce($3::timestamptz, now()) end
            where tenant_id = $1 and id = $2
            """, message.tenantID, message.id, now, untilNextMinute)
    }

    /// Records a failed attempt: tried again after `retryIn`, or given up for good when it is nil.
    func markFailed(_ message: Claimed, reason: String, retryIn: Duration?, on database: PostgresPool) throws {
        try database.scoped(toTenantID: message.tenantID).query(
            """
            update notifications
            set last_error = $3,
                status = case when $4::double precision is null then 'failed' else 'pending' end,
                body = case when $4::double precision is null then coalesce(redacted_body, body) else body end,
                redacted_body = case when $4::double precision is null then null else redacted_body end,
                next_attempt_at = now() + make_interval(secs => coalesce($4::double precision, 0))
            where tenant_id = $1 and id = $2
            """, message.tenantID, message.id, reason, retryIn.map { Double($0.components.seconds) })
    }
}
