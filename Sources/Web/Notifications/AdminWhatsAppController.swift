import Foundation
import HTTP
import Templates

/// `GET /admin/whatsapp`, `POST /admin/whatsapp/senders`, `GET/POST /admin/whatsapp/senders/{id}` and
/// `POST /admin/whatsapp/senders/{id}/delete`: who sends the buyers' messages, and the tenant's own
/// senders (its Fonnte devices). Tokens are shown back masked only, never echoed into a form, and never
/// logged; every change writes one audit row with the token masked. Another tenant's sender id is a 404.
struct AdminWhatsAppController: Sendable {
    typealias Field = AdminWhatsAppView.Field

    let editor: AdminWhatsAppEditor
    /// Whether the platform sends for tenants without their own number (`WHATSAPP_PROVIDER`).
    let hasCentralSender: Bool

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/whatsapp") { request, admin, _ in
            try page(
                admin, state: FormState(values: AdminWhatsAppDraft.newSenderValues),
                saved: try request.queryItems["saved"] == "1")
        }
        router.post("/admin/whatsapp/senders") { request, admin, _ in
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            let draft = AdminWhatsAppDraft(form: form, hasStoredToken: false, language: admin.context.language)
            guard !draft.state.hasErrors else { return try page(admin, state: draft.state, status: .unprocessableContent) }
            try editor.create(draft, for: admin.context.tenant, by: AuditActor(admin, request: request))
            return .redirect(to: Paths.Admin.whatsApp + "?saved=1")
        }
        router.get("/admin/whatsapp/senders/{id}") { _, admin, parameters in
            guard let stored = try editor.sender(try Self.id(parameters), for: admin.context.tenant) else {
                throw HTTPError(.notFound)
            }
            var values = [Field.name: stored.name, Field.perMinute: String(stored.perMinute)]
            if stored.isActive { values[Field.active] = "on" }
            return senderForm(admin, stored: stored, state: FormState(values: values))
        }
        router.post("/admin/whatsapp/senders/{id}") { request, admin, parameters in
            let context = admin.context
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
            return .redirect(to: Paths.Admin.whatsApp + "?saved=1")
        }
        router.post("/admin/whatsapp/senders/{id}/delete") { request, admin, parameters in
            try admin.verifyCSRF(try request.formFields())
            let actor = AuditActor(admin, request: request)
            guard try editor.delete(try Self.id(parameters), for: admin.context.tenant, by: actor) else {
                throw HTTPError(.notFound)
            }
            return .redirect(to: Paths.Admin.whatsApp + "?saved=1")
        }
    }

    /// A sender id from the URL; anything but a UUID names no sender: a 404.
    static func id(_ parameters: RouteParameters) throws -> UUID {
        guard let text = parameters["id"], text.utf8.count == 36, let id = UUID(uuidString: text) else {
            throw HTTPError(.notFound)
        }
        return id
    }

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
                editPath: Paths.Admin.whatsAppSender(sender.id), deletePath: Paths.Admin.deleteWhatsAppSender(sender.id))
        }
        let view = AdminWhatsAppView(
            inEffect: inEffect, senders: senders, state: state, saved: saved, csrfToken: admin.session.csrfSecret)
        return .page(AdminWhatsAppPage(chrome: admin.context.chrome, view: view), status: status)
    }

    private func senderForm(
        _ admin: AuthenticatedTenantAdmin, stored: AdminWhatsAppEditor.Stored, state: FormState, status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let view = AdminWhatsAppSenderView(
            state: state, storedToken: stored.maskedToken, formPath: Paths.Admin.whatsAppSender(stored.id),
            csrfToken: admin.session.csrfSecret)
        return .page(AdminWhatsAppSenderPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
