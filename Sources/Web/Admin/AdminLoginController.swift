import Foundation
import HTTP
import Templates

/// `GET/POST /admin/login` and `POST /admin/logout` on a tenant's site: the portal's `LoginRoutes` with
/// a session kind of its own, so a subscriber's session opens no admin page, and an admin of one tenant
/// is nobody on another tenant's host. Signing in lands on the dashboard (`GET /admin`).
struct AdminLoginController: Sendable {
    let services: AdminServices

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        let services = services
        LoginRoutes(
            login: services.login, kind: .tenantAdmin, loginPath: Paths.Admin.login,
            logoutPath: Paths.Admin.logout, landing: Paths.Admin.dashboard,
            missingLogin: \.errorEmailMissing, failure: \.adminLoginFailed,
            authenticate: { try services.admins.authenticate(email: $0, password: $1, for: $2)?.id },
            requireSession: { try AuthenticatedTenantAdmin(request: $0, context: $1, services: services).session },
            page: { AdminLoginPage(chrome: $0, view: $1) }
        ).addRoutes(to: &router)
    }
}
