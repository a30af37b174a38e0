import Foundation
import HTTP
import Templates

/// `GET /admin/invoices` and `GET /admin/invoices/{number}`: the signed-in admin's own invoices.
/// Every lookup is scoped by the admin's tenant, so another tenant's invoice number is a plain 404
/// here and matches nothing in the search.
struct AdminInvoicesController: Sendable {
    let invoices: InvoiceListQuery
    let payLinks: AdminInvoicePayLinkController

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/invoices") { request, admin, _ in
            let context = admin.context
            let list = try AdminListRequest(request: request, statuses: InvoiceListQuery.statuses)
            let page = try invoices.page(list, for: context.tenant)
            let format = AdminSalesFormatter(context: context)
            let view = AdminInvoicesView(
                rows: page.rows.map(format.invoiceRow),
                search: list.search(path: Paths.Admin.invoices, statuses: format.invoiceStatuses),
                pager: page.pager(path: Paths.Admin.invoices, request: list), csrfToken: admin.session.csrfSecret)
            return .page(AdminInvoicesPage(chrome: context.chrome, view: view))
        }
        router.get("/admin/invoices/{number}") { request, admin, parameters in
            let context = admin.context
            guard let detail = try invoices.detail(number: try parameters.require("number"), for: context.tenant) else {
                throw HTTPError(.notFound)
            }
            var view = AdminSalesFormatter(context: context).invoiceView(detail, csrfToken: admin.session.csrfSecret)
            view.settlement = AdminInvoiceSettlementController.section(
                for: detail, context: context, csrfToken: admin.session.csrfSecret,
                outcome: try request.queryItems["settlement"])
            view.payLink = try payLinks.section(
                for: detail.invoice, subscriber: detail.subscriber, context: context, csrfToken: admin.session.csrfSecret)
            return .page(AdminInvoicePage(chrome: context.chrome, view: view))
        }
    }
}
