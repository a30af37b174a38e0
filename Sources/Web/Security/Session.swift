import Foundation
import HTTP

/// A signed-in visitor, as read back from the `sessions` table through the cookie's token.
struct Session: Sendable, Equatable {
    /// The tenant it belongs to; nil only for head office.
    let tenantID: UUID?
    let kind: SessionKind
    let principalID: UUID
    /// Put in every form of the signed-in area and compared on every POST.
    let csrfSecret: String
    /// The absolute end, whatever the activity.
    let expiresAt: Date
}

/// A session just created: the token goes into the cookie once and is never stored.
struct NewSession: Sendable {
    let token: String
    let session: Session
}

/// Who a session signs in: a tenant's subscriber, a tenant's admin, or head office.
/// A session of one kind is never accepted where another kind is required.
enum SessionKind: String, Sendable, CaseIterable {
    case subscriber
    case tenantAdmin = "tenant_admin"
    case headAdmin = "head_admin"
}

extension Session {
    /// - Throws: 403 unless the form's `_csrf` equals this session's secret (compared in constant time).
    func verifyCSRF(_ form: URLEncodedForm) throws(HTTPError) {
        try verifyCSRF(field: form[CSRFToken.fieldName])
    }

    /// The same check for a field read from a `multipart/form-data` body.
    func verifyCSRF(field: String?) throws(HTTPError) {
        guard let field, ConstantTime.equals(field, csrfSecret) else {
            throw HTTPError(.forbidden, "The form's security token is missing or does not match.")
        }
    }
}

extension SessionStore {
    /// The live session of `kind` on this tenant's site (nil tenant: head office) that the request's
    /// cookie names, or nil: no cookie, expired, another tenant's, or another area's.
    func session(for request: HTTPRequest, kind: SessionKind, tenantID: UUID?) throws -> Session? {
        guard let token = request.cookie(Self.cookieName) else { return nil }
        return try session(token: token, kind: kind, tenantID: tenantID)
    }
}
