import HTTP

/// Who made an audited change, as written to `audit_log`: the admin's email and the client address.
struct AuditActor: Sendable {
    let email: String
    let clientAddress: String

    init(_ admin: AuthenticatedTenantAdmin, request: HTTPRequest) {
        email = admin.admin.email
        clientAddress = request.clientAddress
    }
}
