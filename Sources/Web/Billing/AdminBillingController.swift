import Foundation
import HTTP
import Templates

/// `GET/POST /admin/billing`: the tenant's time zone and billing settings, and
/// `GET/POST /admin/billing/messages`: its wording of the billing messages. A form with an error comes
/// back with 422, as typed, and nothing saved.
struct AdminBillingController: Sendable {
    let settings: BillingSettingsEditor
    let messages: BillingMessagesEditor

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/billing") { request, admin, _ in
            settingsPage(
                admin, state: FormState(values: try settings.current(for: admin.context.tenant)),
                saved: try request.queryItems["saved"] == "1")
        }
        router.post("/admin/billing") { request, admin, _ in
            let context = admin.context
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            let draft = BillingSettingsDraft(form: form, strings: context.language.billingStrings)
            guard draft.errors.isEmpty else {
                return settingsPage(
                    admin, state: FormState(values: draft.values, errors: draft.errors), status: .unprocessableContent)
            }
            try settings.save(draft, for: context.tenant, by: AuditActor(admin, request: request))
            return .redirect(to: Paths.Admin.billing + "?saved=1")
        }
        router.get("/admin/billing/messages") { request, admin, _ in
            messagesPage(
                admin, state: FormState(values: try messages.current(for: admin.context.tenant)),
                saved: try request.queryItems["saved"] == "1")
        }
        router.post("/admin/billing/messages") { request, admin, _ in
            let context = admin.context
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            let draft = BillingMessagesEditor.Draft(form: form, strings: context.language.billingStrings)
            guard draft.errors.isEmpty else {
                return messagesPage(
                    admin, state: FormState(values: draft.values, errors: draft.errors), status: .unprocessableContent)
            }
            try messages.save(draft, for: context.tenant, by: AuditActor(admin, request: request))
            return .redirect(to: Paths.Admin.billingMessages + "?saved=1")
        }
    }

    private func settingsPage(
        _ admin: AuthenticatedTenantAdmin, state: FormState, saved: Bool = false, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = AdminBillingView(state: state, saved: saved, csrfToken: admin.session.csrfSecret)
        return .page(AdminBillingPage(chrome: admin.context.chrome, view: view), status: status)
    }

    private func messagesPage(
        _ admin: AuthenticatedTenantAdmin, state: FormState, saved: Bool = false, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = AdminBillingMessagesView(state: state, saved: saved, csrfToken: admin.session.csrfSecret)
        return .page(AdminBillingMessagesPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
