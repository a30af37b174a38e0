import Foundation
import HTTP
import Templates

/// `GET/POST /mgmt/login` and `POST /mgmt/logout` on the platform host: the tenant areas' sign-in
/// (`SessionLogin`: throttle, one generic failure, a fresh session) with the head-office session kind
/// and no tenant. The tenant router has no `/mgmt` route, so on a tenant's host these are 404.
///
/// The login form has no session yet, so it is protected by the double-submit cookie (`CSRFToken`).
struct HeadOfficeLoginController: Sendable {
    static let logoutPath = "/mgmt/logout"
    typealias Field = PortalLoginView.Field

    let services: HeadOfficeServices

    func addRoutes(to router: inout Router<PlatformContext>) {
        // Always the form, even with a live session: signing in again replaces that session.
        router.get(AuthenticatedHeadOffice.loginPath) { request, context, _ in
            form(request, context) { PortalLoginView(csrfToken: $0) }
        }
        router.post(AuthenticatedHeadOffice.loginPath) { request, context, _ in try logIn(request, context) }
        router.post(Self.logoutPath) { request, context, _ in
            _ = try AuthenticatedHeadOffice.form(request, context, services: services)
            return try services.login.signOut(request, loginPath: AuthenticatedHeadOffice.loginPath)
        }
    }

    private func logIn(_ request: HTTPRequest, _ context: PlatformContext) throws -> HTTPResponse {
        let fields = try request.formFields()
        try CSRFToken.verify(request, form: fields)
        let strings = context.language.strings
        let email = (fields[Field.login] ?? "").trimmed
        let password = fields[Field.password] ?? ""
        var errors: [String: String] = [:]
        if email.isEmpty { errors[Field.login] = strings.errorEmailMissing }
        if password.isEmpty { errors[Field.password] = strings.errorPasswordMissing }
        let typed = [Field.login: email]
        guard errors.isEmpty else {
            return form(request, context, status: .unprocessableContent) {
                PortalLoginView(state: FormState(values: typed, errors: errors), csrfToken: $0)
            }
        }
        let signedIn = try services.login.signIn(
            request, kind: .headAdmin, tenantID: nil, account: email, landing: HeadOfficeTenantsController.path
        ) { try services.admins.authenticate(email: email, password: password)?.id }
        return signedIn
            ?? form(request, context, status: .unprocessableContent) {
                PortalLoginView(
                    state: FormState(values: typed), csrfToken: $0, failure: context.language.headOfficeStrings.loginFailed)
            }
    }

    /// The login page with a CSRF token (and its cookie when the browser has none yet), never cached.
    private func form(
        _ request: HTTPRequest, _ context: PlatformContext, status: HTTPStatus = .ok,
        view: (_ csrfToken: String) -> PortalLoginView
    ) -> HTTPResponse {
        let (token, cookie) = CSRFToken.issue(for: request)
        var response = HTTPResponse.page(HeadOfficeLoginPage(chrome: context.chrome, view: view(token)), status: status)
        if let cookie { response.setCookie(cookie) }
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
