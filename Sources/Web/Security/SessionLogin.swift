import Foundation
import HTTP

/// Signing in and out, the same for every area (portal, tenant admin, head office): the throttle,
/// one password check, the attempt recorded, and always a fresh session (a token that existed before
/// sign-in never becomes signed in).
struct SessionLogin: Sendable {
    let sessions: SessionStore
    let throttle: LoginThrottle
    private var audit: SecurityAudit { SecurityAudit(database: throttle.database) }

    /// A `303` to `landing` carrying the new session's cookie, or nil when `authenticate` finds no one
    /// (the caller shows its one generic failure).
    ///
    /// - Parameter authenticate: the principal's id for the credentials, or nil.
    /// - Throws: `LoginThrottled` (429 with `Retry-After`, the password unchecked) while the attempt
    ///   must still wait.
    func signIn(
        _ request: HTTPRequest, kind: SessionKind, tenantID: UUID?, account: String, landing: String,
        authenticate: () throws -> UUID?
    ) throws -> HTTPResponse? {
        let attempt = LoginThrottle.Attempt(
            tenantID: tenantID, kind: kind, account: account, clientAddress: request.clientAddress)
        if let wait = try throttle.admit(attempt) {
            audit.record(.loginLocked, tenantID: tenantID, clientAddress: attempt.clientAddress, detail: attempt.summary)
            throw LoginThrottled(retryAfterSeconds: wait)
        }
        guard let principalID = try authenticate() else {
            audit.record(.loginFailed, tenantID: tenantID, clientAddress: attempt.clientAddress, detail: attempt.summary)
            return nil
        }
        try throttle.succeeded(attempt)

        if let previous = request.cookie(SessionStore.cookieName) { try sessions.delete(token: previous) }
        let session = try sessions.create(kind: kind, principalID: principalID, tenantID: tenantID)
        var response = HTTPResponse.redirect(to: landing)
        response.setCookie(sessions.cookie(for: session, request: request))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// Ends the request's session and sends the browser to `loginPath` without its cookie.
    func signOut(_ request: HTTPRequest, loginPath: String) throws -> HTTPResponse {
        if let token = request.cookie(SessionStore.cookieName) { try sessions.delete(token: token) }
        var response = HTTPResponse.redirect(to: loginPath)
        response.setCookie(sessions.expiredCookie(request: request))
        return response
    }
}
