import Foundation
import HTTP
import Templates

/// `GET /head-office/accounts`, `POST /head-office/accounts` (add a head-office admin), `POST /head-office/accounts/remove`
/// (never yourself, never the last one) and `POST /head-office/accounts/password` (your own, the current one
/// required). Every change writes an `audit_log` row; no password is ever shown again.
struct HeadOfficeAccountsController: Sendable {
    static let path = "/head-office/accounts"
    typealias Field = HeadOfficeAccountsView.Field

    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<PlatformContext>) {
        router.get(Self.path) { request, context, _ in
            let headOffice = try AuthenticatedHeadOffice(request: request, context: context, services: services)
            let changed = try request.queryItems["changed"] == "1"
            return try page(headOffice, notice: changed ? context.language.strings.passwordChanged : nil)
        }
        router.post(Self.path) { request, context, _ in try add(request, context) }
        router.post(Self.path + "/remove") { request, context, _ in try remove(request, context) }
        router.post(Self.path + "/password") { request, context, _ in try changePassword(request, context) }
    }

    private func add(_ request: HTTPRequest, _ context: PlatformContext) throws -> HTTPResponse {
        let (headOffice, form) = try AuthenticatedHeadOffice.form(request, context, services: services)
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
                return .redirect(to: Self.path)
            }
            errors[Field.email] = strings.errorEmailTaken
        }
        return try page(
            headOffice, addState: FormState(values: [Field.email: email], errors: errors), status: .unprocessableContent)
    }

    private func remove(_ request: HTTPRequest, _ context: PlatformContext) throws -> HTTPResponse {
        let (headOffice, form) = try AuthenticatedHeadOffice.form(request, context, services: services)
        let strings = context.language.headOfficeStrings
        switch try services.admins.remove(
            email: form[Field.email] ?? "", by: headOffice.admin, actor: AuditActor(headOffice, request: request))
        {
        case .removed: return .redirect(to: Self.path)
        case .notFound: throw HTTPError(.notFound)
        case .yourself: return try page(headOffice, notice: strings.errorCannotRemoveYourself, status: .conflict)
        case .last: return try page(headOffice, notice: strings.errorCannotRemoveLast, status: .conflict)
        }
    }

    private func changePassword(_ request: HTTPRequest, _ context: PlatformContext) throws -> HTTPResponse {
        let (headOffice, form) = try AuthenticatedHeadOffice.form(request, context, services: services)
        var change = PasswordChange(form, strings: context.language.strings)
        if change.errors.isEmpty,
            try change.apply(
                toAdmin: headOffice.admin.id, tenantID: nil, database: services.admins.database,
                actor: AuditActor(headOffice, request: request), strings: context.language.strings)
        {
            return .redirect(to: Self.path + "?changed=1")
        }
        return try page(headOffice, passwordState: FormState(errors: change.errors), status: .unprocessableContent)
    }

    private func page(
        _ headOffice: AuthenticatedHeadOffice, addState: FormState = FormState(), passwordState: FormState = FormState(),
        notice: String? = nil, status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let accounts = try services.admins.all().map {
            HeadOfficeAccountsView.Account(email: $0.email, isYou: $0.id == headOffice.admin.id)
        }
        let view = HeadOfficeAccountsView(
            accounts: accounts, addState: addState, passwordState: passwordState, notice: notice,
            csrfToken: headOffice.session.csrfSecret)
        var response = HTTPResponse.page(HeadOfficeAccountsPage(chrome: headOffice.context.chrome, view: view), status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
