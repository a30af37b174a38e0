import Foundation
import HTTP
import Templates

/// `GET /head-office/audit`: every tenant's audit trail and head office's own, filtered and paged.
struct HeadOfficeAuditController: Sendable {
    static let path = "/head-office/audit"

    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<PlatformContext>) {
        router.get(Self.path) { request, context, _ in
            let headOffice = try AuthenticatedHeadOffice(request: request, context: context, services: services)
            let filter = try AuditTrailRequest(request: request)
            let page = try services.auditTrail.unscopedPage(filter, path: Self.path)
            let view = filter.view(
                path: Self.path, page: page, language: context.language, isHeadOffice: true,
                csrfToken: headOffice.session.csrfSecret)
            var response = HTTPResponse.page(AuditTrailPage(chrome: context.chrome, view: view))
            response.headers.set("Cache-Control", "no-store")
            return response
        }
    }
}
