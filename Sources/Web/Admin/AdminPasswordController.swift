import Foundation
import HTTP
import Templates

/// `GET/POST /admin/password`: the signed-in tenant admin changes its own password, the current one
/// required (`PasswordChange`), audited without either password.
struct AdminPasswordController: Sendable {
    let services: AdminServices

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/password") { request, admin, _ in
            page(admin, changed: try request.queryItems["changed"] == "1")
        }
        router.post("/admin/password") { request, admin, _ in
            let context = admin.context
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            var change = PasswordChange(form, strings: context.language.strings)
            if change.errors.isEmpty,
                try change.apply(
                    toAdmin: admin.admin.id, tenantID: context.tenant.id, database: services.admins.database,
                    actor: AuditActor(admin, request: request), strings: context.language.strings)
            {
                return .redirect(to: Paths.Admin.password + "?changed=1")
            }
            return page(admin, errors: FormState(errors: change.errors), status: .unprocessableContent)
        }
    }

    private func page(
        _ admin: AuthenticatedTenantAdmin, errors: FormState = FormState(), changed: Bool = false,
        status: HTTPStatus = .ok
    ) -> HTTPResponse {
        let page = AdminPasswordPage(
            chrome: admin.context.chrome, errors: errors, changed: changed, csrfToken: admin.session.csrfSecret)
        return .page(page, status: status)
    }
}
