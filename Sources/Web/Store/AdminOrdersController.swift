import Foundation
import HTTP
import Templates

/// `GET /admin/orders` and `GET /admin/orders/{orderNumber}`: the signed-in admin's own orders;
/// `POST /admin/orders/{orderNumber}/messages` sends an order's codes again by WhatsApp.
/// Every lookup is scoped by the admin's tenant, so another tenant's order number is a plain 404
/// here and matches nothing in the search.
struct AdminOrdersController: Sendable {
    let orders: OrderListQuery
    let resender: OrderMessageResender

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/orders") { request, admin, _ in
            let context = admin.context
            let list = try AdminListRequest(request: request, statuses: OrderListQuery.statuses)
            let page = try orders.page(list, for: context.tenant)
            let format = AdminSalesFormatter(context: context)
            let view = AdminOrdersView(
                rows: page.rows.map(format.orderRow), search: list.search(path: Paths.Admin.orders, statuses: format.orderStatuses),
                pager: page.pager(path: Paths.Admin.orders, request: list), csrfToken: admin.session.csrfSecret)
            return .page(AdminOrdersPage(chrome: context.chrome, view: view))
        }
        router.get("/admin/orders/{number}") { request, admin, parameters in
            let context = admin.context
            guard let detail = try orders.detail(number: try parameters.require("number"), for: context.tenant) else {
                throw HTTPError(.notFound)
            }
            var view = AdminSalesFormatter(context: context).orderView(
                detail, resent: try request.queryItems["resent"] == "1", csrfToken: admin.session.csrfSecret)
            view.voucherStates = try VoucherUsageQuery(database: orders.database).summaries(
                of: detail.voucherCodes, order: detail.order, context: context)
            return .page(AdminOrderPage(chrome: context.chrome, view: view))
        }
        router.post("/admin/orders/{number}/messages") { request, admin, parameters in
            let context = admin.context
            let form = try request.formFields()
            try admin.verifyCSRF(form)
            let number: String = try parameters.require("number")
            guard let detail = try orders.detail(number: number, for: context.tenant) else { throw HTTPError(.notFound) }
            let typed = form[AdminOrderView.Field.phone] ?? ""
            let phone: String
            do throws(IndonesianPhoneNumber.Problem) {
                phone = try IndonesianPhoneNumber(parsing: typed).normalised
            } catch {
                let state = FormState(
                    values: [AdminOrderView.Field.phone: typed],
                    errors: [AdminOrderView.Field.phone: OrderSubmission.Problem.phone(error).message(context.language.strings)])
                let view = AdminSalesFormatter(context: context).orderView(
                    detail, resendState: state, csrfToken: admin.session.csrfSecret)
                return .page(AdminOrderPage(chrome: context.chrome, view: view), status: .unprocessableContent)
            }
            let actor = AuditActor(admin, request: request)
            guard try resender.resend(orderNumber: detail.order.number, to: phone, for: context.tenant, by: actor) else {
                throw HTTPError(.conflict, "this order has no message to send again: it has issued no codes")
            }
            return .redirect(to: Paths.Admin.order(detail.order.number) + "?resent=1")
        }
    }
}
