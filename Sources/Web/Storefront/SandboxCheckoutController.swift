import Foundation
import HTTP
import Templates

/// The built-in sandbox gateway's checkout page on the tenant's host: Pay or Fail one pending order.
/// Pressing a button sends a signed webhook over HTTP to the central endpoint, exactly as a real
/// gateway would; this page itself never changes an order.
struct SandboxCheckoutController: Sendable {
    let orders: VoucherOrderRepository
    let accounts: PaymentGatewayRepository
    let gateways: GatewayFactory

    func addRoutes(to router: inout Router<TenantContext>) {
        router.get("/sandbox/checkout/{reference}") { request, context, parameters in
            let order = try payableOrder(parameters["reference"] ?? "", context)
            let (token, cookie) = CSRFToken.issue(for: request)
            let view = SandboxCheckoutView(
                orderNumber: order.number, merchantName: context.branding.displayName,
                amount: Rupiah.format(order.amount), description: "\(order.quantity) × \(order.profileName)",
                action: "/sandbox/checkout/\(order.number)", csrfToken: token)
            var response = HTTPResponse.page(SandboxCheckoutPage(chrome: context.chrome, view: view))
            response.headers.set("Cache-Control", "no-store")
            if let cookie { response.setCookie(cookie) }
            return response
        }

        router.post("/sandbox/checkout/{reference}") { request, context, parameters in
            let form = try request.formFields()
            try CSRFToken.verify(request, form: form)
            let status: PaymentEvent.Status
            switch form["outcome"] {
            case "pay": status = .paid
            case "fail": status = .failed
            default: throw HTTPError(.badRequest, "outcome must be pay or fail")
            }
            let order = try payableOrder(parameters["reference"] ?? "", context)
            guard let accountID = order.gatewayID, let account = try accounts.account(id: accountID),
                let sandbox = gateways.sandbox(for: account)
            else { throw HTTPError(.notFound) }
            do {
                try sandbox.deliver(
                    reference: order.number, gatewayReference: order.gatewayReference ?? "", status: status,
                    amount: order.amount)
            } catch {
                Log.warning("sandbox webhook for order \(order.number) was not accepted: \(error)")
                throw HTTPError(.badGateway)
            }
            if let token = request.cookie(OrderController.cookieName(order.number)),
                OrderController.isPlausible(number: order.number, token: token),
                try orders.order(number: order.number, accessToken: token, for: context.tenant) != nil
            {
                return .redirect(to: OrderController.statusPath(order.number, token: token))
            }
            return .redirect(to: "/sandbox/sent")
        }

        router.get("/sandbox/sent") { _, context, _ in
            let strings = context.chrome.strings
            let view = OrderNoticeView(title: strings.paymentSentTitle, message: strings.paymentSentText, orderNumber: nil)
            return .page(OrderNoticePage(chrome: context.chrome, view: view))
        }
    }

    /// A pending order of this tenant that the sandbox opened; anything else is not the sandbox's to show.
    private func payableOrder(_ reference: String, _ context: TenantContext) throws -> VoucherOrder {
        guard reference.utf8.count == 14, reference.hasPrefix("EV"),
            let order = try orders.order(number: reference, for: context.tenant),
            order.gatewayProvider == PaymentProvider.sandbox.rawValue, order.effectiveStatus() == .pending
        else { throw HTTPError(.notFound) }
        return order
    }
}
