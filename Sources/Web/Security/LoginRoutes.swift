import Foundation
import HTTP
import Templates

/// `GET/POST <area>/login` and `POST <area>/logout` for one signed-in area of a tenant's site (the
/// customer portal, the tenant admin): the same form handling, throttle and session rules everywhere,
/// with the area's own session kind, page, wording and password check.
///
/// The login form has no session yet, so it is protected by the double-submit cookie (`CSRFToken`).
/// One generic failure for an unknown account and a wrong password; the throttle refuses with 429
/// after too many failures for the account or from the address.
struct LoginRoutes: Sendable {
    let login: SessionLogin
    let kind: SessionKind
    let loginPath: String
    let logoutPath: String
    let landing: String
    let missingLogin: @Sendable (Strings) -> String
    let failure: @Sendable (Strings) -> String
    /// The principal's id for (login, password) on this tenant's site, or nil.
    let authenticate: @Sendable (_ login: String, _ password: String, _ tenant: Tenant) throws -> UUID?
    /// The live session of this area, or a throw (the `303` to the login page).
    let requireSession: @Sendable (HTTPRequest, TenantContext) throws -> Session
    let page: @Sendable (SiteChrome, PortalLoginView) -> any HTML

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        // Always the form, even with a live session: signing in again replaces that session.
        router.get(loginPath) { request, context, _ in form(request, context) { PortalLoginView(csrfToken: $0) } }
        router.post(loginPath, limit: .login) { request, context, _ in try logIn(request, context) }
        router.post(logoutPath) { request, context, _ in try logOut(request, context) }
    }

    private func logIn(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        let strings = context.language.strings
        let submission = try LoginSubmission(request, strings: strings, missingLogin: missingLogin(strings))
        guard submission.errors.isEmpty else {
            return form(request, context, status: .unprocessableContent) {
                PortalLoginView(state: submission.state, csrfToken: $0)
            }
        }
        let signedIn = try login.signIn(
            request, kind: kind, tenantID: context.tenant.id, account: submission.account, landing: landing
        ) { try authenticate(submission.account, submission.password, context.tenant) }
        return signedIn
            ?? form(request, context, status: .unprocessableContent) {
                PortalLoginView(state: submission.stateAfterFailure, csrfToken: $0, failure: failure(strings))
            }
    }

    private func logOut(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        let fields = try request.formFields()
        try requireSession(request, context).verifyCSRF(fields)
        return try login.signOut(request, loginPath: loginPath)
    }

    private func form(
        _ request: HTTPRequest, _ context: TenantContext, status: HTTPStatus = .ok,
        view: (_ csrfToken: String) -> PortalLoginView
    ) -> HTTPResponse {
        .formPage(for: request, status: status) { page(context.chrome, view($0)) }
    }
}
