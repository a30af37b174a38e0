import Foundation
import HTTP

/// A request on a tenant's site made by a signed-in principal of that tenant (a subscriber, an admin).
/// Handlers that take one get a non-optional principal: building one without a live session of the
/// area's kind throws a `303` to the area's login page.
struct SignedIn<Principal: Sendable>: Sendable {
    let context: TenantContext
    let principal: Principal
    let session: Session

    /// - Parameter load: the tenant's principal for the session's principal id, or nil when it is gone
    ///   or may no longer sign in.
    /// - Throws: `303 See Other` to `loginPath` when the `sid` cookie names no live session of `kind` on
    ///   this tenant's site (missing, expired, another tenant's, another area's), or `load` finds no one.
    init(
        request: HTTPRequest, context: TenantContext, sessions: SessionStore, kind: SessionKind, loginPath: String,
        load: (_ principalID: UUID) throws -> Principal?
    ) throws {
        guard let session = try sessions.session(for: request, kind: kind, tenantID: context.tenant.id),
            let principal = try load(session.principalID)
        else {
            throw HTTPError(.seeOther, headers: ["Location": loginPath])
        }
        self.context = context
        self.principal = principal
        self.session = session
    }

    /// - Throws: 403 unless the form's `_csrf` equals this session's secret (compared in constant time).
    func verifyCSRF(_ form: URLEncodedForm) throws(HTTPError) {
        try session.verifyCSRF(form)
    }
}
