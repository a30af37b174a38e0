import HTTP

/// Who made an audited change, as written to `audit_log`: the admin's email and the client address.
struct AuditActor: Sendable {
    let email: String
    let clientAddress: String

    init(_ admin: AuthenticatedTenantAdmin, request: HTTPRequest) {
        email = admin.admin.email
        clientAddress = request.clientAddress
    }

    private init(email: String) {
        self.email = email
        clientAddress = ""
    }

    /// Gerbang's own jobs (isolating a subscriber who has not paid), with no client address.
    static let system = AuditActor(email: "system")
}
