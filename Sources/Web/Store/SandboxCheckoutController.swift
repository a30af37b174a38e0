import Foundation
import HTTP
import Templates

/// The built-in sandbox gateway's checkout page on the tenant's host: Pay or Fail one pending order
/// (`EV…`) or unpaid invoice (`IV…`) whose checkout the sandbox opened. Pressing a button sends a
/// signed webhook over HTTP to the central endpoint, exactly as a real gateway would; this page itself
/// never changes an order or an invoice.
struct SandboxCheckoutController: Sendable {
    let orders: VoucherOrderRepository
    let invoices: InvoiceRepository
    let accounts: GatewayAccountCache
    let gateways: GatewayFactory

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get("/sandbox/checkout/{reference}") { request, context, parameters in
            let (subject, lines) = try awaitingPayment(parameters["reference"] ?? "", context)
            return HTTPResponse.formPage(for: request) { token in
                let view = SandboxCheckoutView(
                    merchantName: context.branding.displayName, lines: lines, amount: Rupiah.format(subject.amountDue),
                    action: Paths.sandboxCheckout(subject.paymentReference), csrfToken: token)
                return SandboxCheckoutPage(chrome: context.chrome, view: view)
            }
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
            let (subject, _) = try awaitingPayment(parameters["reference"] ?? "", context)
            guard let accountID = subject.gatewayID, let account = try accounts.account(id: accountID),
                let sandbox = gateways.sandbox(for: account)
            else { throw HTTPError(.notFound) }
            do {
                try sandbox.deliver(
                    reference: subject.paymentReference, gatewayReference: subject.gatewayReference ?? "",
                    status: status, amount: subject.amountDue)
            } catch {
                Log.warning("sandbox webhook for \(subject.paymentReference) was not accepted: \(error)")
                throw HTTPError(.badGateway)
            }
            return try .redirect(to: returnPath(after: subject, request, context))
        }

        router.get("/sandbox/sent") { _, context, _ in
            let strings = context.chrome.strings
            let message = context.site.sendsWhatsApp ? strings.paymentSentText : strings.paymentSentTextNoWhatsApp
            let view = OrderNoticeView(title: strings.paymentSentTitle, message: message, orderNumber: nil)
            return .page(OrderNoticePage(chrome: context.chrome, view: view))
        }
    }

    /// A pending order or unpaid invoice of this tenant that the sandbox opened, with the lines its page
    /// shows; anything else is not the sandbox's to show.
    private func awaitingPayment(_ reference: String, _ context: TenantContext) throws
        -> (subject: any Payable, lines: [SandboxCheckoutView.Line])
    {
        let strings = context.chrome.strings
        var found: (subject: any Payable, lines: [SandboxCheckoutView.Line])?
        switch PaymentSubject(reference: reference) {
        case .order:
            found = try orders.order(number: reference, for: context.tenant).map { order in
                (
                    order,
                    [
                        .init(label: strings.labelOrderNumber, value: order.number),
                        .init(label: strings.labelPackage, value: "\(order.quantity) × \(order.profileName)"),
                    ]
                )
            }
        case .invoice:
            let format = PortalFormatter(context: context)
            found = try invoices.invoice(paymentReference: reference, for: context.tenant).map { invoice in
                (
                    invoice,
                    [
                        .init(label: strings.labelInvoiceNumber, value: invoice.number),
                        .init(label: strings.labelPeriod, value: format.period(invoice.period)),
                    ]
                )
            }
        case nil:
            found = nil
        }
        guard let found, found.subject.gatewayProvider == PaymentProvider.sandbox.rawValue, found.subject.awaitsPayment
        else { throw HTTPError(.notFound) }
        return found
    }

    /// Where a real gateway would send the customer back. An order's return link carries its access
    /// token, which only this browser's cookie knows; an invoice's return needs no secret in the URL.
    private func returnPath(after subject: any Payable, _ request: HTTPRequest, _ context: TenantContext) throws -> String {
        if let invoice = subject as? Invoice { return Paths.paymentReturn(invoice: invoice.paymentReference) }
        let number = subject.paymentReference
        if let token = request.cookie(OrderController.cookieName(number)),
            OrderController.isPlausible(number: number, token: token),
            try orders.order(number: number, accessToken: token, for: context.tenant) != nil
        {
            return Paths.order(number, token: token)
        }
        return Paths.sandboxSent
    }
}
