import Foundation
import HTTP
import Templates

/// `GET/POST /head-office/login` and `POST /head-office/logout` on the platform host: the tenant areas' sign-in
/// (`SessionLogin`: throttle, one generic failure, a fresh session) with the head-office session kind
/// and no tenant. The tenant router has no `/head-office` route, so on a tenant's host these are 404.
///
/// The login form has no session yet, so it is protected by the double-submit cookie (`CSRFToken`).
struct HeadOfficeLoginController: Sendable {
    let services: HeadOfficeServices

    func addRoutes(to anyone: inout RouteGroup<PlatformContext>, signedIn: inout RouteGroup<AuthenticatedHeadOffice>) {
        // Always the form, even with a live session: signing in again replaces that session.
        anyone.get("/head-office/login") { request, context, _ in
            form(request, context) { PortalLoginView(csrfToken: $0) }
        }
        anyone.post("/head-office/login", limit: .login) { request, context, _ in try logIn(request, context) }
        signedIn.post("/head-office/logout") { request, headOffice, _ in
            _ = try headOffice.verifiedForm(request)
            return try services.login.signOut(request, loginPath: Paths.HeadOffice.login)
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
            landing: Paths.HeadOffice.home
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
