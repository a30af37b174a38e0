import Foundation
import HTTP
import Templates

/// `GET /head-office/tenants/{slug}/created` (what to pass on to the ISP), `GET /head-office/tenants/{slug}/delete`
/// (the confirmation), `POST /head-office/tenants/delete` (only with the slug typed again) and
/// `POST /head-office/tenants/restore`. A delete is soft, so a restore brings the store back as it was.
struct HeadOfficeTenantLifecycleController: Sendable {
    typealias Field = HeadOfficeDeleteTenantView.Field

    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<AuthenticatedHeadOffice>) {
        router.get("/head-office/tenants/{slug}/created") { request, headOffice, parameters in
            guard let tenant = try services.tenants.summary(slug: try parameters.require("slug")), !tenant.isDeleted else {
                throw HTTPError(.notFound)
            }
            let store = StoreAddress(request: request, baseDomain: services.baseDomain).url(slug: tenant.slug)
            let view = HeadOfficeTenantCreatedView(
                name: tenant.name, storeURL: store, adminURL: store + "admin", adminEmail: tenant.firstAdminEmail ?? "",
                csrfToken: headOffice.session.csrfSecret)
            return .page(HeadOfficeTenantCreatedPage(chrome: headOffice.context.chrome, view: view))
        }
        router.get("/head-office/tenants/{slug}/delete") { request, headOffice, parameters in
            try confirmation(headOffice, request: request, slug: try parameters.require("slug"))
        }
        router.post("/head-office/tenants/delete") { request, headOffice, _ in
            let form = try headOffice.verifiedForm(request)
            let slug = form[Field.slug] ?? ""
            let typed = form[Field.confirm] ?? ""
            guard typed.trimmingCharacters(in: .whitespaces) == slug else {
                let state = FormState(
                    values: [Field.confirm: typed],
                    errors: [Field.confirm: headOffice.context.language.tenantLifecycleStrings.errorConfirm])
                return try confirmation(headOffice, request: request, slug: slug, state: state, status: .unprocessableContent)
            }
            guard try services.tenants.delete(slug: slug, by: AuditActor(headOffice, request: request)) else {
                throw HTTPError(.notFound)
            }
            return .redirect(to: Paths.HeadOffice.home(done: .deleted))
        }
        router.post("/head-office/tenants/restore") { request, headOffice, _ in
            try HeadOfficeTenantsController.change(request, headOffice, done: .restored) {
                try services.tenants.restore(slug: $0, by: $1)
            }
        }
    }

    /// The confirmation page for a tenant that exists and is not deleted yet; 404 otherwise.
    private func confirmation(
        _ headOffice: AuthenticatedHeadOffice, request: HTTPRequest, slug: String, state: FormState = FormState(),
        status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        guard let tenant = try services.tenants.summary(slug: slug), !tenant.isDeleted else { throw HTTPError(.notFound) }
        let view = HeadOfficeDeleteTenantView(
            name: tenant.name, slug: tenant.slug,
            storeURL: StoreAddress(request: request, baseDomain: services.baseDomain).url(slug: tenant.slug), state: state,
            csrfToken: headOffice.session.csrfSecret)
        return .page(HeadOfficeDeleteTenantPage(chrome: headOffice.context.chrome, view: view), status: status)
    }
}
