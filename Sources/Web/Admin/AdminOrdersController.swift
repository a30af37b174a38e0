import Foundation
import HTTP
import Templates

/// `GET /admin/orders` and `GET /admin/orders/{orderNumber}`: the signed-in admin's own orders.
/// Every lookup is scoped by the admin's tenant, so another tenant's order number is a plain 404
/// here and matches nothing in the search.
struct AdminOrdersController: Sendable {
    static let path = "/admin/orders"

    let services: AdminServices
    let orders: OrderListQuery

    func addRoutes(to router: inout Router<TenantContext>) {
        router.get(Self.path) { request, context, _ in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            let list = try AdminListRequest(request: request, statuses: OrderListQuery.statuses)
            let page = try orders.page(list, for: context.tenant)
            let format = AdminSalesFormatter(context: context)
            let view = AdminOrdersView(
                rows: page.rows.map(format.orderRow), search: list.search(path: Self.path, statuses: format.orderStatuses),
                pager: page.pager(path: Self.path, request: list), csrfToken: admin.session.csrfSecret)
            return .adminSalesPage(AdminOrdersPage(chrome: context.chrome, view: view))
        }
        router.get(Self.path + "/{number}") { request, context, parameters in
            let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
            guard let detail = try orders.detail(number: try parameters.require("number"), for: context.tenant) else {
                throw HTTPError(.notFound)
            }
            let view = AdminSalesFormatter(context: context).orderView(detail, csrfToken: admin.session.csrfSecret)
            return .adminSalesPage(AdminOrderPage(chrome: context.chrome, view: view))
        }
    }
}
