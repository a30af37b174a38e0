import Foundation
import HTTP
import Templates

/// `GET /admin/invoices` and `GET /admin/invoices/{number}`: the signed-in admin's own invoices.
/// Every lookup is scoped by the admin's tenant, so another tenant's invoice number is a plain 404
/// here and matches nothing in the search.
struct AdminInvoicesController: Sendable {
    static let path = "/admin/invoices"

    let services: AdminServices
    let invoices: InvoiceListQuery
    let payLinks: AdminInvoicePayLinkController

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get(Self.path) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            let list = try AdminListRequest(request: request, statuses: InvoiceListQuery.statuses)
            let page = try invoices.page(list, for: context.tenant)
            let format = AdminSalesFormatter(context: context)
            let view = AdminInvoicesView(
                rows: page.rows.map(format.invoiceRow),
                search: list.search(path: Self.path, statuses: format.invoiceStatuses),
                pager: page.pager(path: Self.path, request: list), csrfToken: admin.session.csrfSecret)
            return .adminSalesPage(AdminInvoicesPage(chrome: context.chrome, view: view))
        }
        router.get(Self.path + "/{number}") { request, context, parameters in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            guard let detail = try invoices.detail(number: try parameters.require("number"), for: context.tenant) else {
                throw HTTPError(.notFound)
            }
            var view = AdminSalesFormatter(context: context).invoiceView(detail, csrfToken: admin.session.csrfSecret)
            view.settlement = AdminInvoiceSettlementController.section(
                for: detail, context: context, csrfToken: admin.session.csrfSecret,
                outcome: try request.queryItems["settlement"])
            view.payLink = try payLinks.section(
                for: detail.invoice, subscriber: detail.subscriber, context: context, csrfToken: admin.session.csrfSecret)
            return .adminSalesPage(AdminInvoicePage(chrome: context.chrome, view: view))
        }
    }
}
