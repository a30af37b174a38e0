import Foundation
import HTTP
import Templates

/// `GET/POST /admin/billing`: the tenant's time zone and billing settings, and
/// `GET/POST /admin/billing/messages`: its wording of the billing messages. A form with an error comes
/// back with 422, as typed, and nothing saved.
struct AdminBillingController: Sendable {
    static let path = "/admin/billing"
    static let messagesPath = "/admin/billing/messages"

    let services: AdminServices
    let settings: BillingSettingsEditor
    let messages: BillingMessagesEditor

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get(Self.path) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            return settingsPage(
                admin, state: FormState(values: try settings.current(for: context.tenant)),
                saved: try request.queryItems["saved"] == "1")
        }
        router.post(Self.path) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            let draft = BillingSettingsDraft(form: form, strings: context.language.billingStrings)
            guard draft.errors.isEmpty else {
                return settingsPage(
                    admin, state: FormState(values: draft.values, errors: draft.errors), status: .unprocessableContent)
            }
            try settings.save(draft, for: context.tenant, by: AuditActor(admin, request: request))
            return .redirect(to: Self.path + "?saved=1")
        }
        router.get(Self.messagesPath) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            return messagesPage(
                admin, state: FormState(values: try messages.current(for: context.tenant)),
                saved: try request.queryItems["saved"] == "1")
        }
        router.post(Self.messagesPath) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            let draft = BillingMessagesEditor.Draft(form: form, strings: context.language.billingStrings)
            guard draft.errors.isEmpty else {
                return messagesPage(
                    admin, state: FormState(values: draft.values, errors: draft.errors), status: .unprocessableContent)
            }
            try messages.save(draft, for: context.tenant, by: AuditActor(admin, request: request))
            return .redirect(to: Self.messagesPath + "?saved=1")
        }
    }

    private func settingsPage(
        _ admin: AuthenticatedTenantAdmin, state: FormState, saved: Bool = false, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = AdminBillingView(state: state, saved: saved, csrfToken: admin.session.csrfSecret)
        return .adminSalesPage(AdminBillingPage(chrome: admin.context.chrome, view: view), status: status)
    }

    private func messagesPage(
        _ admin: AuthenticatedTenantAdmin, state: FormState, saved: Bool = false, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = AdminBillingMessagesView(state: state, saved: saved, csrfToken: admin.session.csrfSecret)
        return .adminSalesPage(AdminBillingMessagesPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
