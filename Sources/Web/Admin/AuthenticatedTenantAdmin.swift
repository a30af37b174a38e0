import Foundation
import HTTP
import Templates

/// A request on a tenant's site made by a signed-in admin of that tenant.
typealias AuthenticatedTenantAdmin = SignedIn<TenantAdmin>

extension SignedIn<TenantAdmin> {
    static var loginPath: String { Paths.Admin.login }

    var admin: TenantAdmin { principal }

    /// - Throws: `303 See Other` to `/admin/login` when the `sid` cookie names no live tenant-admin
    ///   session of this tenant (missing, expired, another tenant's, or a subscriber's).
    init(request: HTTPRequest, context: TenantContext, services: AdminServices) throws {
        try self.init(
            request: request, context: context, sessions: services.sessions, kind: .tenantAdmin, loginPath: Self.loginPath
        ) { id in try services.admins.admin(id: id, for: context.tenant) }
    }
}
