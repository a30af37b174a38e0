import Foundation
import HTTP
import Templates

/// `GET /admin/audit`: the signed-in admin's own tenant's audit trail (changes and security events),
/// filtered and paged; another tenant's rows are never in it.
struct AdminAuditController: Sendable {
    let trail: AuditTrailQuery

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/audit") { request, admin, _ in
            let context = admin.context
            let filter = try AuditTrailRequest(request: request)
            let page = try trail.page(filter, path: Paths.Admin.audit, for: context.tenant)
            let view = filter.view(
                path: Paths.Admin.audit, page: page, language: context.language, isHeadOffice: false,
                csrfToken: admin.session.csrfSecret)
            return .page(AuditTrailPage(chrome: context.chrome, view: view))
        }
    }
}

extension AuditTrailRequest {
    /// The page's view: entries in Jakarta time (the zone the day filters use), the filters as typed.
    func view(
        path: String, page: (entries: [AuditTrailQuery.Entry], pager: AdminSalesPager), language: Language,
        isHeadOffice: Bool, csrfToken: String
    ) -> AuditTrailView {
        let dates = DateText(timeZoneIdentifier: "Asia/Jakarta", language: language)
        let rows = page.entries.map {
            AuditTrailView.Row(
                when: dates.dayAndTime($0.at), actor: $0.actor, action: $0.action, subject: $0.subject,
                address: $0.clientAddress, tenant: $0.tenantSlug)
        }
        let filters = FormState(values: [Field.actor: actor, Field.action: action, Field.from: from, Field.to: to])
        return AuditTrailView(
            path: path, rows: rows, filters: filters, pager: page.pager, isHeadOffice: isHeadOffice, csrfToken: csrfToken)
    }
}
