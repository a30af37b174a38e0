import Foundation
import HTTP
import Templates

/// `GET/POST /admin/domains`, `POST /admin/domains/remove`, `POST /admin/domains/primary`: a tenant
/// admin's custom domains. Every lookup is scoped by the signed-in admin's tenant, so a domain of
/// another tenant can be neither removed nor made primary here, and adding it says only "in use".
struct AdminDomainsController: Sendable {
    typealias Field = AdminDomainsView.Field

    let domains: TenantDomainEditor
    let baseDomain: String

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/domains") { request, admin, _ in
            try page(admin, saved: try request.queryItems["saved"] == "1")
        }
        router.post("/admin/domains") { request, admin, _ in try add(request, admin) }
        router.post("/admin/domains/remove") { request, admin, _ in
            try change(request, admin) { try domains.remove($0, for: admin.context.tenant, by: $1) }
        }
        router.post("/admin/domains/primary") { request, admin, _ in
            try change(request, admin) { try domains.makePrimary($0, for: admin.context.tenant, by: $1) }
        }
    }

    private func add(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin) throws -> HTTPResponse {
        let context = admin.context
        let form = try checkedForm(request, admin)
        let typed = form[Field.domain] ?? ""
        let strings = context.language.strings
        let problem: String?
        switch Result(catching: { () throws(CustomDomainName.Problem) in try CustomDomainName(typed, baseDomain: baseDomain) }) {
        case .success(let domain):
            let added = try domains.add(domain, for: context.tenant, by: AuditActor(admin, request: request))
            problem = added ? nil : strings.errorDomainTaken
        case .failure(.invalid): problem = strings.errorDomainInvalid
        case .failure(.ipAddress): problem = strings.errorDomainIP
        case .failure(.underPlatformDomain): problem = strings.errorDomainPlatform
        case .failure(.reserved): problem = strings.errorDomainReserved
        }
        guard let problem else { return .redirect(to: Paths.Admin.domains + "?saved=1") }
        return try page(
            admin, state: FormState(values: [Field.domain: typed], errors: [Field.domain: problem]),
            status: .unprocessableContent)
    }

    private func change(
        _ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, _ apply: (String, AuditActor) throws -> Void
    ) throws -> HTTPResponse {
        let form = try checkedForm(request, admin)
        try apply((form[Field.domain] ?? "").lowercased(), AuditActor(admin, request: request))
        return .redirect(to: Paths.Admin.domains + "?saved=1")
    }

    /// The form, once its CSRF token matched the session's.
    private func checkedForm(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin) throws -> URLEncodedForm {
        let form = try request.formFields()
        try admin.verifyCSRF(form)
        return form
    }

    private func page(
        _ admin: AuthenticatedTenantAdmin, state: FormState = FormState(), status: HTTPStatus = .ok, saved: Bool = false
    ) throws -> HTTPResponse {
        let view = AdminDomainsView(
            domains: try domains.domains(for: admin.context.tenant), state: state, csrfToken: admin.session.csrfSecret,
            saved: saved)
        return .page(AdminDomainsPage(chrome: admin.context.chrome, view: view), status: status)
    }
}
