import Foundation
import HTTP
import Templates

/// `GET/POST /head-office/login` and `POST /head-office/logout` on the platform host: the tenant areas' sign-in
/// (`SessionLogin`: throttle, one generic failure, a fresh session) with the head-office session kind
/// and no tenant. The tenant router has no `/head-office` route, so on a tenant's host these are 404.
///
/// The login form has no session yet, so it is protected by the double-submit cookie (`CSRFToken`).
struct HeadOfficeLoginController: Sendable {
    static let logoutPath = "/head-office/logout"
    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<PlatformContext>) {
        // Always the form, even with a live session: signing in again replaces that session.
        router.get(AuthenticatedHeadOffice.loginPath) { request, context, _ in
            form(request, context) { PortalLoginView(csrfToken: $0) }
        }
        router.post(AuthenticatedHeadOffice.loginPath, limit: .login) { request, context, _ in try logIn(request, context) }
        router.post(Self.logoutPath) { request, context, _ in
            _ = try AuthenticatedHeadOffice.form(request, context, services: services)
            return try services.login.signOut(request, loginPath: AuthenticatedHeadOffice.loginPath)
        }
    }

    private func logIn(_ request: HTTPRequest, _ context: PlatformContext) throws -> HTTPResponse {
        let strings = context.language.strings
        let submission = try LoginSubmission(request, strings: strings, missingLogin: strings.errorEmailMissing)
        guard submission.errors.isEmpty else {
            return form(request, context, status: .unprocessableContent) {
                PortalLoginView(state: submission.state, csrfToken: $0)
            }
        }
        let signedIn = try services.login.signIn(
            request, kind: .headAdmin, tenantID: nil, account: submission.account,
            landing: HeadOfficeTenantsController.path
        ) { try services.admins.authenticate(email: submission.account, password: submission.password)?.id }
        return signedIn
            ?? form(request, context, status: .unprocessableContent) {
                PortalLoginView(
                    state: submission.stateAfterFailure, csrfToken: $0,
                    failure: context.language.headOfficeStrings.loginFailed)
            }
    }

    private func form(
        _ request: HTTPRequest, _ context: PlatformContext, status: HTTPStatus = .ok,
        view: (_ csrfToken: String) -> PortalLoginView
    ) -> HTTPResponse {
        .formPage(for: request, status: status) { HeadOfficeLoginPage(chrome: context.chrome, view: view($0)) }
    }
}
