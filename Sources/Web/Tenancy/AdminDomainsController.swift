import Foundation
import HTTP
import Templates

/// `GET/POST /admin/domains`, `POST /admin/domains/remove`, `POST /admin/domains/primary`: a tenant
/// admin's custom domains. Every lookup is scoped by the signed-in admin's tenant, so a domain of
/// another tenant can be neither removed nor made primary here, and adding it says only "in use".
struct AdminDomainsController: Sendable {
    static let path = "/admin/domains"
    typealias Field = AdminDomainsView.Field

    let services: AdminServices
    let domains: TenantDomainEditor
    let baseDomain: String

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get(Self.path) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            return try page(admin, saved: try request.queryItems["saved"] == "1")
        }
        router.post(Self.path) { request, context, _ in try add(request, context) }
        router.post(Self.path + "/remove") { request, context, _ in
            try change(request, context) { try domains.remove($0, for: context.tenant, by: $1) }
        }
        router.post(Self.path + "/primary") { request, context, _ in
            try change(request, context) { try domains.makePrimary($0, for: context.tenant, by: $1) }
        }
    }

    private func add(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        let (admin, form) = try signedInForm(request, context)
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
        guard let problem else { return .redirect(to: Self.path + "?saved=1") }
        return try page(
            admin, state: FormState(values: [Field.domain: typed], errors: [Field.domain: problem]),
            status: .unprocessableContent)
    }

    private func change(
        _ request: HTTPRequest, _ context: TenantContext, _ apply: (String, AuditActor) throws -> Void
    ) throws -> HTTPResponse {
        let (admin, form) = try signedInForm(request, context)
        try apply((form[Field.domain] ?? "").lowercased(), AuditActor(admin, request: request))
        return .redirect(to: Self.path + "?saved=1")
    }

    /// The admin and the form, once the form's CSRF token matched the session's.
    private func signedInForm(_ request: HTTPRequest, _ context: TenantContext) throws -> (AuthenticatedTenantAdmin, URLEncodedForm) {
        let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
        let form = try request.formFields()
        try admin.verifyCSRF(form)
        return (admin, form)
    }

    private func page(
        _ admin: AuthenticatedTenantAdmin, state: FormState = FormState(), status: HTTPStatus = .ok, saved: Bool = false
    ) throws -> HTTPResponse {
        let view = AdminDomainsView(
            domains: try domains.domains(for: admin.context.tenant), state: state, csrfToken: admin.session.csrfSecret,
            saved: saved)
        var response = HTTPResponse.page(AdminDomainsPage(chrome: admin.context.chrome, view: view), status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
