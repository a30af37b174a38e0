import Foundation
import HTTP
import Templates

/// `GET /head-office/accounts`, `POST /head-office/accounts` (add a head-office admin), `POST /head-office/accounts/remove`
/// (never yourself, never the last one) and `POST /head-office/accounts/password` (your own, the current one
/// required). Every change writes an `audit_log` row; no password is ever shown again.
struct HeadOfficeAccountsController: Sendable {
    typealias Field = HeadOfficeAccountsView.Field

    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<AuthenticatedHeadOffice>) {
        router.get("/head-office/accounts") { request, headOffice, _ in
            let changed = try request.queryItems["changed"] == "1"
            return try page(headOffice, notice: changed ? headOffice.context.language.strings.passwordChanged : nil)
        }
        router.post("/head-office/accounts") { request, headOffice, _ in try add(request, headOffice) }
        router.post("/head-office/accounts/remove") { request, headOffice, _ in try remove(request, headOffice) }
        router.post("/head-office/accounts/password") { request, headOffice, _ in try changePassword(request, headOffice) }
    }

    private func add(_ request: HTTPRequest, _ headOffice: AuthenticatedHeadOffice) throws -> HTTPResponse {
        let form = try headOffice.verifiedForm(request)
        let context = headOffice.context
        let strings = context.language.headOfficeStrings
        let email = (form[Field.email] ?? "").trimmed
        let password = form[Field.password] ?? ""
        var errors: [String: String] = [:]
        if !OrderSubmission.isPlausibleEmail(email) { errors[Field.email] = context.language.strings.errorEmailInvalid }
        if !HeadOfficeAdminRepository.passwordLengths.contains(password.count) {
            errors[Field.password] = strings.errorAdminPasswordShort
        }
        if errors.isEmpty {
            if try services.admins.create(email: email, password: password, by: AuditActor(headOffice, request: request)) {
                return .redirect(to: Paths.HeadOffice.accounts)
            }
            errors[Field.email] = strings.errorEmailTaken
        }
        return try page(
            headOffice, addState: FormState(values: [Field.email: email], errors: errors), status: .unprocessableContent)
    }

    private func remove(_ request: HTTPRequest, _ headOffice: AuthenticatedHeadOffice) throws -> HTTPResponse {
        let form = try headOffice.verifiedForm(request)
        let strings = headOffice.context.language.headOfficeStrings
        switch try services.admins.remove(
            email: form[Field.email] ?? "", by: headOffice.admin, actor: AuditActor(headOffice, request: request))
        {
        case .removed: return .redirect(to: Paths.HeadOffice.accounts)
        case .notFound: throw HTTPError(.notFound)
        case .yourself: return try page(headOffice, failure: strings.errorCannotRemoveYourself, status: .conflict)
        case .last: return try page(headOffice, failure: strings.errorCannotRemoveLast, status: .conflict)
        }
    }

    private func changePassword(_ request: HTTPRequest, _ headOffice: AuthenticatedHeadOffice) throws -> HTTPResponse {
        let form = try headOffice.verifiedForm(request)
        let context = headOffice.context
        var change = PasswordChange(form, strings: context.language.strings)
        if change.errors.isEmpty,
            try change.apply(
                toAdmin: headOffice.admin.id, tenantID: nil, database: services.admins.database,
                actor: AuditActor(headOffice, request: request), strings: context.language.strings)
        {
            return .redirect(to: Paths.HeadOffice.accountsPasswordChanged)
        }
        return try page(headOffice, passwordState: FormState(errors: change.errors), status: .unprocessableContent)
    }

    private func page(
        _ headOffice: AuthenticatedHeadOffice, addState: FormState = FormState(), passwordState: FormState = FormState(),
        notice: String? = nil, failure: String? = nil, status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let accounts = try services.admins.all().map {
            HeadOfficeAccountsView.Account(email: $0.email, isYou: $0.id == headOffice.admin.id)
        }
        let view = HeadOfficeAccountsView(
            accounts: accounts, addState: addState, passwordState: passwordState, notice: notice, failure: failure,
            csrfToken: headOffice.session.csrfSecret)
        return .page(HeadOfficeAccountsPage(chrome: headOffice.context.chrome, view: view), status: status)
    }
}
