import Foundation
import HTTP
import Templates

/// `GET/POST /portal/login` and `POST /portal/logout`.
///
/// The login form has no session yet, so it is protected by the double-submit cookie (`CSRFToken`).
/// One generic failure for an unknown account and a wrong password; the throttle refuses with 429
/// after too many failures for the account or from the address; a successful login always starts a
/// new session (a token that existed before it never becomes signed in).
struct PortalLoginController: Sendable {
    let services: PortalServices

    func addRoutes(to router: inout Router<TenantContext>) {
        router.get("/portal/login") { request, context, _ in try showForm(request, context) }
        router.post("/portal/login") { request, context, _ in try logIn(request, context) }
        router.post("/portal/logout") { request, context, _ in try logOut(request, context) }
    }

    /// Always the form, even with a live session: signing in again replaces that session.
    private func showForm(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        form(request, context, view: { PortalLoginView(csrfToken: $0) })
    }

    private func logIn(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        typealias Field = PortalLoginView.Field
        let fields = try request.formFields()
        try CSRFToken.verify(request, form: fields)
        let strings = context.language.strings
        let login = (fields[Field.login] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = fields[Field.password] ?? ""
        var errors: [String: String] = [:]
        if login.isEmpty { errors[Field.login] = strings.errorLoginMissing }
        if password.isEmpty { errors[Field.password] = strings.errorPasswordMissing }
        let typed = [Field.login: login]
        guard errors.isEmpty else {
            return form(request, context, status: .unprocessableContent) {
                PortalLoginView(state: FormState(values: typed, errors: errors), csrfToken: $0)
            }
        }

        let attempt = LoginThrottle.Attempt(
            tenantID: context.tenant.id, kind: .subscriber, account: login, clientAddress: request.clientAddress)
        if let wait = try services.throttle.retryAfter(attempt) {
            throw HTTPError(.tooManyRequests, headers: ["Retry-After": String(wait)])
        }
        guard let subscriber = try services.subscribers.authenticate(login: login, password: password, for: context.tenant)
        else {
            try services.throttle.record(attempt, succeeded: false)
            return form(request, context, status: .unprocessableContent) {
                PortalLoginView(state: FormState(values: typed), csrfToken: $0, failure: strings.loginFailed)
            }
        }
        try services.throttle.record(attempt, succeeded: true)

        if let previous = request.cookie(SessionStore.cookieName) { try services.sessions.delete(token: previous) }
        let session = try services.sessions.create(kind: .subscriber, principalID: subscriber.id, tenantID: context.tenant.id)
        var response = HTTPResponse.redirect(to: "/portal")
        response.setCookie(services.sessions.cookie(for: session, request: request))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    private func logOut(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        let fields = try request.formFields()
        let user = try AuthenticatedSubscriber(request: request, context: context, services: services)
        try user.verifyCSRF(fields)
        if let token = request.cookie(SessionStore.cookieName) { try services.sessions.delete(token: token) }
        var response = HTTPResponse.redirect(to: AuthenticatedSubscriber.loginPath)
        response.setCookie(services.sessions.expiredCookie(request: request))
        return response
    }

    /// The login page with a CSRF token (and its cookie when the browser has none yet).
    private func form(
        _ request: HTTPRequest, _ context: TenantContext, status: HTTPStatus = .ok,
        view: (_ csrfToken: String) -> PortalLoginView
    ) -> HTTPResponse {
        let (token, cookie) = CSRFToken.issue(for: request)
        var response = HTTPResponse.page(PortalLoginPage(chrome: context.chrome, view: view(token)), status: status)
        if let cookie { response.setCookie(cookie) }
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
