import Foundation
import HTTP
import Templates

/// `GET/POST /admin/whatsapp`: who sends the buyers' voucher codes, and the form to send them from the
/// tenant's own number (its Fonnte device). The token is shown back masked only, never echoed into
/// the form, and never logged; every change writes one audit row with the token masked.
struct AdminWhatsAppController: Sendable {
    static let path = "/admin/whatsapp"
    typealias Field = AdminWhatsAppView.Field

    let services: AdminServices
    let editor: AdminWhatsAppEditor
    /// Whether the platform sends for tenants without their own number (`WHATSAPP_PROVIDER`).
    let hasCentralSender: Bool

    func addRoutes(to router: inout Router<TenantContext>) {
        router.get(Self.path) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            let stored = try editor.current(for: context.tenant)
            let values = stored?.isActive == true ? [Field.useOwnSender: "on"] : [:]
            return page(
                admin, stored: stored, state: FormState(values: values), saved: try request.queryItems["saved"] == "1")
        }
        router.post(Self.path) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            let stored = try editor.current(for: context.tenant)
            let draft = AdminWhatsAppDraft(
                form: form, storedToken: stored?.token, strings: context.language.adminSalesStrings)
            guard !draft.state.hasErrors else {
                return page(admin, stored: stored, state: draft.state, status: .unprocessableContent)
            }
            try editor.save(draft, for: context.tenant, by: AuditActor(admin, request: request))
            return .redirect(to: Self.path + "?saved=1")
        }
    }

    private func page(
        _ admin: AuthenticatedTenantAdmin, stored: AdminWhatsAppEditor.Stored?, state: FormState,
        status: HTTPStatus = .ok, saved: Bool = false
    ) -> HTTPResponse {
        let sales = admin.context.language.adminSalesStrings
        let inEffect =
            if stored?.isActive == true { sales.whatsAppInEffectOwn }
            else if hasCentralSender { sales.whatsAppInEffectCentral }
            else { sales.whatsAppInEffectNone }
        let view = AdminWhatsAppView(
            inEffect: inEffect, state: state, storedToken: stored?.maskedToken, saved: saved,
            csrfToken: admin.session.csrfSecret)
        return .adminSalesPage(AdminWhatsAppPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
