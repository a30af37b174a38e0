import Foundation
import HTTP
import Templates

/// `GET /admin/whatsapp`, `POST /admin/whatsapp/senders`, `GET/POST /admin/whatsapp/senders/{id}` and
/// `POST /admin/whatsapp/senders/{id}/delete`: who sends the buyers' messages, and the tenant's own
/// senders (its Fonnte devices). Tokens are shown back masked only, never echoed into a form, and never
/// logged; every change writes one audit row with the token masked. Another tenant's sender id is a 404.
struct AdminWhatsAppController: Sendable {
    static let path = "/admin/whatsapp"
    static let sendersPath = path + "/senders"
    typealias Field = AdminWhatsAppView.Field

    let services: AdminServices
    let editor: AdminWhatsAppEditor
    /// Whether the platform sends for tenants without their own number (`WHATSAPP_PROVIDER`).
    let hasCentralSender: Bool

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get(Self.path) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            return try page(
                admin, state: FormState(values: AdminWhatsAppDraft.newSenderValues),
                saved: try request.queryItems["saved"] == "1")
        }
        router.post(Self.sendersPath) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            let draft = AdminWhatsAppDraft(form: form, hasStoredToken: false, language: context.language)
            guard !draft.state.hasErrors else { return try page(admin, state: draft.state, status: .unprocessableContent) }
            try editor.create(draft, for: context.tenant, by: AuditActor(admin, request: request))
            return .redirect(to: Self.path + "?saved=1")
        }
        router.get(Self.sendersPath + "/{id}") { request, context, parameters in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            guard let stored = try editor.sender(try Self.id(parameters), for: context.tenant) else {
                throw HTTPError(.notFound)
            }
            var values = [Field.name: stored.name, Field.perMinute: String(stored.perMinute)]
            if stored.isActive { values[Field.active] = "on" }
            return senderForm(admin, stored: stored, state: FormState(values: values))
        }
        router.post(Self.sendersPath + "/{id}") { request, context, parameters in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            guard let stored = try editor.sender(try Self.id(parameters), for: context.tenant) else {
                throw HTTPError(.notFound)
            }
            let draft = AdminWhatsAppDraft(form: form, hasStoredToken: true, language: context.language)
            guard !draft.state.hasErrors else {
                return senderForm(admin, stored: stored, state: draft.state, status: .unprocessableContent)
            }
            guard try editor.update(stored.id, with: draft, for: context.tenant, by: AuditActor(admin, request: request))
            else { throw HTTPError(.notFound) }
            return .redirect(to: Self.path + "?saved=1")
        }
        router.post(Self.sendersPath + "/{id}/delete") { request, context, parameters in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            try admin.verifyCSRF(try request.formFields())
            guard try editor.delete(try Self.id(parameters), for: context.tenant, by: AuditActor(admin, request: request))
            else { throw HTTPError(.notFound) }
            return .redirect(to: Self.path + "?saved=1")
        }
    }

    /// A sender id from the URL; anything but a UUID names no sender: a 404.
    static func id(_ parameters: RouteParameters) throws -> UUID {
        guard let text = parameters["id"], text.utf8.count == 36, let id = UUID(uuidString: text) else {
            throw HTTPError(.notFound)
        }
        return id
    }

    static func senderPath(_ id: UUID) -> String { sendersPath + "/" + id.uuidString.lowercased() }

    private func page(
        _ admin: AuthenticatedTenantAdmin, state: FormState, status: HTTPStatus = .ok, saved: Bool = false
    ) throws -> HTTPResponse {
        let sales = admin.context.language.adminSalesStrings
        let stored = try editor.senders(for: admin.context.tenant)
        let inEffect =
            if stored.contains(where: \.isActive) { sales.whatsAppInEffectOwn } else if hasCentralSender {
                sales.whatsAppInEffectCentral
            } else { sales.whatsAppInEffectNone }
        let senders = stored.map { sender in
            AdminWhatsAppView.Sender(
                name: sender.name, maskedToken: sender.maskedToken, perMinute: sender.perMinute, isActive: sender.isActive,
                editPath: Self.senderPath(sender.id), deletePath: Self.senderPath(sender.id) + "/delete")
        }
        let view = AdminWhatsAppView(
            inEffect: inEffect, senders: senders, state: state, saved: saved, csrfToken: admin.session.csrfSecret)
        return .adminSalesPage(AdminWhatsAppPage(chrome: admin.context.chrome, view: view), status: status)
    }

    private func senderForm(
        _ admin: AuthenticatedTenantAdmin, stored: AdminWhatsAppEditor.Stored, state: FormState, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = AdminWhatsAppSenderView(
            state: state, storedToken: stored.maskedToken, formPath: Self.senderPath(stored.id),
            csrfToken: admin.session.csrfSecret)
        return .adminSalesPage(AdminWhatsAppSenderPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
