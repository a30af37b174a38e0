import Foundation
import HTTP
import Templates

/// The subscriber's own password: `GET/POST /portal/password` (signed in: the current one and the new
/// one twice) and, for one who forgot it, `GET/POST /portal/forgot` (a code by WhatsApp) and
/// `GET/POST /portal/reset` (the code and the new password).
///
/// A code request and a code tried count with the sign-in attempts of the account in `LoginThrottle`
/// (a code is one more way to guess at an account) and with the login routes' per-address limit. Asking
/// for a code answers alike whether the account exists, has a number or has had too many codes; a
/// wrong code and an unknown account get the same failure.
struct PortalAccountController: Sendable {
    typealias Field = PortalResetView.Field

    let services: PortalServices
    let passwords: SubscriberPasswords

    func addRoutes(to anyone: inout RouteGroup<TenantContext>, signedIn: inout RouteGroup<AuthenticatedSubscriber>) {
        signedIn.get("/portal/password") { request, user, _ in
            passwordPage(user, changed: try request.queryItems["changed"] == "1")
        }
        signedIn.post("/portal/password", limit: .login) { request, user, _ in try changePassword(request, user) }
        anyone.get("/portal/forgot") { request, context, _ in
            .formPage(for: request) { PortalForgotPasswordPage(chrome: context.chrome, view: PortalResetView(csrfToken: $0)) }
        }
        anyone.post("/portal/forgot", limit: .login) { request, context, _ in try sendCode(request, context) }
        anyone.get("/portal/reset") { request, context, _ in
            let login = String((try request.queryItems[Field.login] ?? "").trimmed.prefix(64))
            let sent = try request.queryItems["sent"] == "1"
            return .formPage(for: request) {
                PortalResetPasswordPage(
                    chrome: context.chrome,
                    view: PortalResetView(state: FormState(values: [Field.login: login]), csrfToken: $0, codeSent: sent))
            }
        }
        anyone.post("/portal/reset", limit: .login) { request, context, _ in try reset(request, context) }
    }

    private func changePassword(_ request: HTTPRequest, _ user: AuthenticatedSubscriber) throws -> HTTPResponse {
        let form = try request.formFields()
        try user.verifyCSRF(form)
        let strings = user.context.language.strings
        var change = PasswordChange(form, strings: strings)
        guard change.errors.isEmpty else {
            return passwordPage(user, errors: FormState(errors: change.errors), status: .unprocessableContent)
        }
        let attempt = attempt(request, user.context, account: user.subscriber.customerNumber)
        if let wait = try services.throttle.admit(attempt) { throw LoginThrottled(retryAfterSeconds: wait) }
        guard
            try passwords.change(
                user.subscriber, current: change.current, new: change.new, keeping: request.cookie(SessionStore.cookieName),
                clientAddress: request.clientAddress)
        else {
            change.errors[PasswordChange.Field.currentPassword] = strings.errorCurrentPasswordWrong
            return passwordPage(user, errors: FormState(errors: change.errors), status: .unprocessableContent)
        }
        try services.throttle.succeeded(attempt)
        return .redirect(to: Paths.Portal.passwordChanged)
    }

    private func sendCode(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        let form = try request.formFields()
        try CSRFToken.verify(request, form: form)
        let login = (form[Field.login] ?? "").trimmed
        guard (1...64).contains(login.count) else {
            let state = FormState(
                values: [Field.login: String(login.prefix(64))], errors: [Field.login: context.language.strings.errorLoginMissing])
            return .formPage(for: request, status: .unprocessableContent) {
                PortalForgotPasswordPage(chrome: context.chrome, view: PortalResetView(state: state, csrfToken: $0))
            }
        }
        if let wait = try services.throttle.admit(attempt(request, context, account: login)) {
            throw LoginThrottled(retryAfterSeconds: wait)
        }
        try passwords.sendCode(
            login: login, tenant: context.tenant, seller: context.branding.displayName, language: context.language)
        return .redirect(to: Paths.Portal.reset(login: login))
    }

    private func reset(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        let form = try request.formFields()
        try CSRFToken.verify(request, form: form)
        let strings = context.language.strings
        let words = context.language.portalAccountStrings
        let login = (form[Field.login] ?? "").trimmed
        let code = (form[Field.code] ?? "").trimmed
        let new = form[Field.newPassword] ?? ""
        var errors: [String: String] = [:]
        if !(1...64).contains(login.count) { errors[Field.login] = strings.errorLoginMissing }
        if code.utf8.count != 6 || !code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { errors[Field.code] = words.errorCodeFormat }
        if !PasswordChange.lengths.contains(new.count) {
            errors[Field.newPassword] = strings.errorNewPasswordLength
        } else if new != form[Field.newPasswordAgain] {
            errors[Field.newPasswordAgain] = strings.errorPasswordsDiffer
        }
        let kept = [Field.login: String(login.prefix(64))]
        guard errors.isEmpty else {
            return resetPage(request, context, state: FormState(values: kept, errors: errors), status: .unprocessableContent)
        }
        let attempt = attempt(request, context, account: login)
        if let wait = try services.throttle.admit(attempt) { throw LoginThrottled(retryAfterSeconds: wait) }
        guard
            let subscriberID = try passwords.reset(
                login: login, code: code, new: new, tenant: context.tenant, clientAddress: request.clientAddress)
        else {
            return resetPage(
                request, context, state: FormState(values: kept), failure: words.errorCodeWrong, status: .unprocessableContent)
        }
        try services.throttle.succeeded(attempt)
        // The code proved the WhatsApp number: signed in at once, with a fresh session.
        let session = try services.sessions.create(kind: .subscriber, principalID: subscriberID, tenantID: context.tenant.id)
        var response = HTTPResponse.redirect(to: Paths.Portal.passwordChanged)
        response.setCookie(services.sessions.cookie(for: session, request: request))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    private func attempt(_ request: HTTPRequest, _ context: TenantContext, account: String) -> LoginThrottle.Attempt {
        LoginThrottle.Attempt(
            tenantID: context.tenant.id, kind: .subscriber, account: account, clientAddress: request.clientAddress)
    }

    private func resetPage(
        _ request: HTTPRequest, _ context: TenantContext, state: FormState, failure: String? = nil, status: HTTPStatus
    ) -> HTTPResponse {
        .formPage(for: request, status: status) {
            PortalResetPasswordPage(
                chrome: context.chrome, view: PortalResetView(state: state, csrfToken: $0, failure: failure))
        }
    }

    private func passwordPage(
        _ user: AuthenticatedSubscriber, errors: FormState = FormState(), changed: Bool = false, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        var response = PortalController.private(
            PortalPasswordPage(
                chrome: user.context.chrome, frame: PortalFrame(section: .password, csrfToken: user.session.csrfSecret),
                errors: errors, changed: changed))
        response.status = status
        return response
    }
}
