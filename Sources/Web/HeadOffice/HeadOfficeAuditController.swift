import Foundation
import HTTP
import Templates

/// `GET /head-office/audit`: every tenant's audit trail and head office's own, filtered and paged.
struct HeadOfficeAuditController: Sendable {
    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<AuthenticatedHeadOffice>) {
        router.get("/head-office/audit") { request, headOffice, _ in
            let context = headOffice.context
            let filter = try AuditTrailRequest(request: request)
            let page = try services.auditTrail.unscopedPage(filter, path: Paths.HeadOffice.audit)
            let view = filter.view(
                path: Paths.HeadOffice.audit, page: page, language: context.language, isHeadOffice: true,
                csrfToken: headOffice.session.csrfSecret)
            return .page(AuditTrailPage(chrome: context.chrome, view: view))
        }
    }
}
