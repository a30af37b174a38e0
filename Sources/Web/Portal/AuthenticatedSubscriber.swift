import Foundation
import HTTP

/// A request on a tenant's site made by a signed-in subscriber of that tenant. Handlers that take one
/// get a non-optional subscriber; building one without a live session throws a `303` to the login page.
struct AuthenticatedSubscriber: Sendable {
    static let loginPath = "/portal/login"

    let context: TenantContext
    let subscriber: Subscriber
    let session: Session

    /// - Throws: `303 See Other` to `/portal/login` when the `sid` cookie names no live subscriber
    ///   session of this tenant (missing, expired, another tenant's, an admin's, or a terminated subscriber).
    init(request: HTTPRequest, context: TenantContext, services: PortalServices) throws {
        guard let token = request.cookie(SessionStore.cookieName),
            let session = try services.sessions.session(token: token, kind: .subscriber, tenantID: context.tenant.id),
            let subscriber = try services.subscribers.subscriber(id: session.principalID, for: context.tenant),
            subscriber.status != .terminated
        else {
            throw HTTPError(.seeOther, headers: ["Location": Self.loginPath])
        }
        self.context = context
        self.subscriber = subscriber
        self.session = session
    }

    /// - Throws: 403 unless the form's `_csrf` equals this session's secret (compared in constant time).
    func verifyCSRF(_ form: URLEncodedForm) throws(HTTPError) {
        guard let field = form[CSRFToken.fieldName], ConstantTime.equals(field, session.csrfSecret) else {
            throw HTTPError(.forbidden, "The form's security token is missing or does not match.")
        }
    }
}
