import HTTP

/// Who made an audited change: the `actor` and `client_address` arguments of `audit(…)`, the SQL
/// function that writes every audit-log entry (db/migrations/0032_shared_sql_rules.sql).
struct AuditActor: Sendable {
    let email: String
    let clientAddress: String

    /// An author that is not a signed-in admin (a command run on the server, a job).
    init(email: String, clientAddress: String) {
        self.email = email
        self.clientAddress = clientAddress
    }

    init(_ admin: AuthenticatedTenantAdmin, request: HTTPRequest) {
        self.init(email: admin.admin.email, clientAddress: request.clientAddress)
    }

    /// Head office as the author of an audited change (its rows carry the tenant concerned, if any).
    init(_ headOffice: AuthenticatedHeadOffice, request: HTTPRequest) {
        self.init(email: headOffice.admin.email, clientAddress: request.clientAddress)
    }

    /// Gerbang's own jobs (isolating a subscriber who has not paid), with no client address.
    static let system = AuditActor(email: "system", clientAddress: "")
}
