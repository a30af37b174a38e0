import Foundation
import Postgres

/// Subscriber CSV imports in two steps: `stage` keeps the uploaded file and reviews it (writing nothing
/// else), `run` imports the staged file in one transaction. The review is made again inside that
/// transaction; when its outcome differs from what the admin confirmed (a subscriber added meanwhile, a
/// plan switched off), nothing is written and the new review is shown instead.
struct SubscriberImporter: Sendable {
    enum Outcome: Sendable {
        case imported(count: Int, skipped: Int)
        /// No staged file under the token: expired, already imported, or another tenant's.
        case gone
        /// The file's review no longer matches what the admin confirmed; nothing was written.
        case changed(Staged)
    }

    /// A staged upload as the dry run shows it.
    struct Staged: Sendable {
        let token: String
        let fileName: String
        let layout: SubscriberImportFile.Layout
        let review: SubscriberImportReview
    }

    static let expiry = 3600
    /// Uploads a tenant keeps staged at once; older ones are dropped by the next upload.
    static let stagedPerTenant = 5

    let database: PostgresPool

    /// Stores the file under a new random token and reviews it against the tenant's plans and subscribers.
    func stage(_ file: SubscriberImportFile, bytes: [UInt8], fileName: String, for tenant: Tenant, by actor: AuditActor)
        throws -> Staged
    {
        let token = RandomToken.hex()
        return try database.scoped(to: tenant).transaction { db in
            try db.query(
                """
                delete from subscriber_import_files where tenant_id = $1 and (expires_at <= now() or token_hash in (
                    select token_hash from subscriber_import_files where tenant_id = $1
                    order by created_at desc offset $2))
                """, tenant.id, Self.stagedPerTenant - 1)
            try db.query(
                """
                insert into subscriber_import_files (tenant_id, token_hash, file_name, content, staged_by, expires_at)
                values ($1, token_hash($2), $3, $4, $5, now() + make_interval(secs => $6))
                """, tenant.id, token, fileName, bytes, actor.email, Self.expiry)
            return Staged(token: token, fileName: fileName, layout: file.layout, review: try review(file, tenant: tenant, on: db))
        }
    }

    /// Imports the staged file's good rows, all or none, with their RADIUS accounts and one audit row.
    /// - Parameter expected: how many rows the confirmed dry run said it would create.
    func run(token: String, expected: Int, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        do {
            do {
                return try importing(token: token, expected: expected, for: tenant, by: actor)
            } catch let error as PostgresError where error.isUniqueViolation {
                // A subscriber saved in the admin between the review and the insert: review once more,
                // which now sees it and so reports the change instead of importing.
                return try importing(token: token, expected: expected, for: tenant, by: actor)
            }
        } catch let changed as ChangedReview {
            return .changed(changed.staged)
        }
    }

    /// Thrown out of the transaction so that it rolls back (the staged file stays for another look).
    private struct ChangedReview: Error {
        let staged: Staged
    }

    private func importing(token: String, expected: Int, for tenant: Tenant, by actor: AuditActor) throws -> Outcome {
        try database.scoped(to: tenant).transaction { db in
            // One import of a tenant at a time: the numbers it generates and the names it checks stay true.
            try db.query("select pg_advisory_xact_lock(hashtext('subscriber_import'), hashtext($1::text))", tenant.id)
            guard let (fileName, file) = try take(token: token, tenant: tenant, on: db) else {
                return .gone
            }
            let review = try review(file, tenant: tenant, on: db)
            guard review.accepted.count == expected else {
                throw ChangedReview(staged: Staged(token: token, fileName: fileName, layout: file.layout, review: review))
            }
            try insert(review.accepted, tenant: tenant, on: db)
            try db.query(
                """
                select audit($1, $2, $6, 'subscriber.import', $3, null,
                    jsonb_build_object('file', $3::text, 'created', $4::integer, 'skipped', $5::integer))
                """, tenant.id, actor.email, fileName, review.accepted.count, review.rejected.count, actor.clientAddress)
            return .imported(count: review.accepted.count, skipped: review.rejected.count)
        }
    }

    /// Takes the staged file out (a second confirmation of the same dry run finds nothing).
    private func take(token: String, tenant: Tenant, on db: PostgresConnection) throws -> (String, SubscriberImportFile)? {
        let rows = try db.query(
            """
            delete from subscriber_import_files
            where tenant_id = $1 and token_hash = token_hash($2) and expires_at > now()
            returning file_name, content
            """, tenant.id, token)
        guard let row = rows.first else { return nil }
        // Staged only after it read, so it reads again; a failure here is the server's, not the admin's.
        let file = try SubscriberImportFile(bytes: try row.decode("content", as: [UInt8].self))
        return (try row.decode("file_name", as: String.self), file)
    }

    private func review(_ file: SubscriberImportFile, tenant: Tenant, on db: PostgresConnection) throws
        -> SubscriberImportReview
    {
        let plans = try db.query(
            "select id, name, radius_group from plans where tenant_id = $1 and is_active", tenant.id
        ).map {
            SubscriberImportReview.Plan(
                id: try $0.decode("id", as: UUID.self), name: try $0.decode("name", as: String.self),
                radiusGroup: try $0.decode("radius_group", as: String.self))
        }
        let claims = SubscriberImportReview.claims(of: file)
        // A RADIUS user of the tenant with the name (set up by hand) would clash in FreeRADIUS as well.
        let usernames = try db.query(
            """
            select pppoe_username as u from subscribers where tenant_id = $1 and pppoe_username = any($2::text[])
            union select username from radcheck where tenant_id = $1 and username = any($2::text[])
            """, tenant.id, claims.usernames
        ).map { try $0.decode("u", as: String.self) }
        let numbers = try db.query(
            "select customer_number from subscribers where tenant_id = $1 and customer_number = any($2::text[])",
            tenant.id, claims.customerNumbers
        ).map { try $0.decode("customer_number", as: String.self) }
        return SubscriberImportReview(
            file: file, plans: plans, takenUsernames: Set(usernames), takenCustomerNumbers: Set(numbers))
    }

    /// One statement for the subscribers and one per RADIUS table, however many rows.
    private func insert(_ rows: [SubscriberImportReview.Accepted], tenant: Tenant, on db: PostgresConnection) throws {
        guard !rows.isEmpty else { return }
        let numbers = try CustomerNumbers.assign(rows.map(\.input.customerNumber), tenant: tenant, on: db)
        let inputs = rows.map(\.input)
        // Imported subscribers get no portal password: one hash of a secret nobody keeps stands in until
        // the admin sets one or the subscriber resets it by WhatsApp (a bcrypt per row would take minutes).
        try db.query(
            """
            insert into subscribers (tenant_id, customer_number, pppoe_username, name, phone, email, address,
                password_hash, plan_id, billing_day, installation_date, notes)
            select $1, n, u, nm, ph, em, ad, (select crypt(encode(gen_random_bytes(32), 'hex'), gen_salt('bf'))),
                pl::uuid, bd, nullif(inst, '')::date, nt
            from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::integer[], $10::text[], $11::text[]) as r(n, u, nm, ph, em, ad, pl, bd, inst, nt)
            """, tenant.id, numbers, inputs.map(\.pppoeUsername), inputs.map(\.name), inputs.map(\.phone),
            inputs.map(\.email), inputs.map(\.address), rows.map(\.plan.id.uuidString), inputs.map(\.billingDay),
            inputs.map { $0.installationDate ?? "" }, inputs.map(\.notes))
        try SubscriberRadiusGroups().create(
            rows.map { .init(username: $0.input.pppoeUsername, password: $0.password, planGroup: $0.plan.radiusGroup) },
            tenantSlug: tenant.slug, tenantID: tenant.id, on: db)
    }
}
