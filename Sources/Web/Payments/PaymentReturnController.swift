import Foundation
import HTTP
import Templates

/// `GET /payments/return`: where every gateway sends the customer back. It proves nothing about
/// payment, so it changes nothing and ignores the gateway's extras (`transaction_status`…):
/// - `?order=EV…&t=<access token>` → the order's status page;
/// - `?invoice=IV…` → the pay link, when this browser paid by link (its token is kept for the way
///   back in a short-lived cookie, since only the token's hash is stored); the portal's invoice page,
///   when the invoice's owner is signed in; otherwise a neutral notice that reveals nothing.
struct PaymentReturnController: Sendable {
    let orders: VoucherOrderRepository
    let portal: PortalServices

    /// `paylink_IV…`, only sent back to the return path.
    static func payLinkCookieName(_ paymentReference: String) -> String {
        "paylink_" + paymentReference
    }

    static func payLinkCookie(_ invoice: Invoice, token: String, _ request: HTTPRequest) -> SetCookie? {
        try? SetCookie(
            name: payLinkCookieName(invoice.paymentReference), value: token, path: Paths.paymentReturn,
            maxAge: Int(PaymentCheckout.invoiceCheckoutLifetime.components.seconds), httpOnly: true,
            secure: request.isSecure, sameSite: .lax)
    }

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get("/payments/return") { request, context, _ in try respond(to: request, context) }
    }

    private func respond(to request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        let query = try request.queryItems
        if let number = query["order"], let token = query["t"], OrderController.isPlausible(number: number, token: token),
            try orders.order(number: number, accessToken: token, for: context.tenant) != nil
        {
            return .redirect(to: Paths.order(number, token: token))
        }
        if let reference = query["invoice"],
            let invoice = try portal.invoices.invoice(paymentReference: reference, for: context.tenant),
            invoice.status != .void
        {
            return try returnToInvoice(invoice, request, context)
        }
        throw HTTPError(.notFound)
    }

    private func returnToInvoice(_ invoice: Invoice, _ request: HTTPRequest, _ context: TenantContext) throws
        -> HTTPResponse
    {
        if let token = request.cookie(Self.payLinkCookieName(invoice.paymentReference)),
            try portal.invoices.invoice(paymentToken: token, for: context.tenant)?.id == invoice.id
        {
            return .redirect(to: Paths.payLink(token))
        }
        if let user = try signedIn(request, context), user.subscriber.id == invoice.subscriberID {
            return .redirect(to: Paths.Portal.invoice(invoice.number))
        }
        let strings = context.chrome.strings
        let view = OrderNoticeView(title: strings.paymentSentTitle, message: strings.invoicePaymentReturnText, orderNumber: nil)
        var response = HTTPResponse.page(OrderNoticePage(chrome: context.chrome, view: view))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// The signed-in subscriber, or nil for a visitor without a live session (not an error here).
    private func signedIn(_ request: HTTPRequest, _ context: TenantContext) throws -> AuthenticatedSubscriber? {
        guard request.cookie(SessionStore.cookieName) != nil else { return nil }
        do {
            return try AuthenticatedSubscriber(request: request, context: context, services: portal)
        } catch let error as HTTPError where error.status == .seeOther {
            return nil
        }
    }
}
