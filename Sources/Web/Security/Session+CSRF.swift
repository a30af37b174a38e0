import Foundation
import HTTP

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
