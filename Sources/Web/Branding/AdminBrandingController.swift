import Foundation
import HTTP
import Templates

/// `GET/POST /admin/branding`: a tenant admin edits the store's look. The form is always shown from
/// the database (not the per-instance cache), and a save is a `303` back to it.
struct AdminBrandingController: Sendable {
    /// A logo of 512 KiB plus the text fields, with room for the multipart framing.
    static let bodyLimit = 2 * 1024 * 1024

    let services: AdminServices

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/branding") { request, admin, _ in try show(request, admin) }
        router.post("/admin/branding", bodyLimit: Self.bodyLimit) { request, admin, _ in try save(request, admin) }
        // "Back to the form" from a preview: the form again with the draft, the chosen logo kept.
        router.post("/admin/branding/edit", bodyLimit: Self.bodyLimit) { request, admin, _ in
            let (values, logo) = try Self.submittedFields(request)
            try admin.session.verifyCSRF(field: values[AdminBrandingView.Field.csrf])
            let draft = BrandingDraft(values: values, logoUpload: logo, language: admin.context.language)
            return page(admin, state: FormState(values: draft.values, errors: draft.errors), keptLogo: draft.logo?.kept)
        }
    }

    private func show(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin) throws -> HTTPResponse {
        let context = admin.context
        let record = try services.brandings.record(for: context.tenant)
        let values = BrandingDraft.values(of: record.branding, frameAncestors: record.frameAncestors)
        return page(admin, state: FormState(values: values), saved: try request.queryItems["saved"] == "1")
    }

    private func save(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin) throws -> HTTPResponse {
        let context = admin.context
        let (values, logo) = try Self.submittedFields(request)
        try admin.session.verifyCSRF(field: values[AdminBrandingView.Field.csrf])
        let draft = BrandingDraft(values: values, logoUpload: logo, language: context.language)
        guard draft.errors.isEmpty else {
            return page(
                admin, state: FormState(values: draft.values, errors: draft.errors), status: .unprocessableContent,
                keptLogo: draft.logo?.kept)
        }
        try services.branding.save(draft, for: context.tenant, by: AuditActor(admin, request: request))
        return .redirect(to: Paths.Admin.branding + "?saved=1")
    }

    /// The text fields and the logo's bytes, from a `multipart/form-data` body (what the page sends)
    /// or a URL-encoded one (no logo).
    static func submittedFields(_ request: HTTPRequest) throws -> (values: [String: String], logo: [UInt8]?) {
        let contentType = request.headers["Content-Type"]?.lowercased() ?? ""
        guard contentType.hasPrefix("multipart/form-data") else {
            let form = try request.formFields()
            var values: [String: String] = [:]
            for name in BrandingDraft.textFields + [AdminBrandingView.Field.csrf] { values[name] = form[name] }
            return (values, nil)
        }
        let form = try request.multipartForm()
        var values: [String: String] = [:]
        for part in form.parts where !part.isFile && values[part.name] == nil {
            values[part.name] = part.text
        }
        var logo = form.parts.first { $0.name == AdminBrandingView.Field.logo && $0.isFile }?.body
        // No new file chosen: the logo chosen before a preview or a refused save, checked again like an upload.
        if logo?.isEmpty ?? true, let kept = values[AdminBrandingView.Field.logoDraft],
            let bytes = Data(base64Encoded: kept), !bytes.isEmpty
        {
            logo = Array(bytes)
        }
        return (values, logo)
    }

    func page(
        _ admin: AuthenticatedTenantAdmin, state: FormState, status: HTTPStatus = .ok, saved: Bool = false,
        keptLogo: AdminBrandingView.KeptLogo? = nil
    ) -> HTTPResponse {
        let view = AdminBrandingView(
            state: state, csrfToken: admin.session.csrfSecret, contrasts: BrandingDraft.contrasts(state.values),
            saved: saved, keptLogo: keptLogo)
        return .page(AdminBrandingPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
