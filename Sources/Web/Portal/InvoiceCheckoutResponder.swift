import Foundation
import HTTP
import Templates

/// What pressing Pay on an invoice answers, from the portal or from a pay link: the checkout opened
/// through the one payment path (`PaymentCheckout`) → `303` to the gateway; already paid → `303` to
/// where its receipt is; void → 404; the gateway failed → the retry page, the invoice untouched.
struct InvoiceCheckoutResponder: Sendable {
    let checkout: PaymentCheckout

    /// - Parameters:
    ///   - form: the submitted form, re-posted as it was by the retry page's button.
    ///   - action: where the pay form posts (the retry posts there again).
    ///   - paidPath: where a paid invoice's receipt is shown.
    func respond(
        _ invoice: Invoice, payer: Subscriber, form: URLEncodedForm, action: String, paidPath: String,
        _ request: HTTPRequest, _ context: TenantContext
    ) throws -> HTTPResponse {
        let origin = try OrderController.origin(of: request)
        let outcome = try checkout.open(
            invoice, payer: payer, returnURL: origin + Paths.paymentReturn(invoice: invoice.paymentReference),
            for: context.tenant)
        var response: HTTPResponse
        switch outcome {
        case .redirect(let url):
            response = .redirect(to: url)
        case .settled(let settled):
            guard settled.status == .paid else { throw HTTPError(.notFound) }
            response = .redirect(to: paidPath)
        case .unavailable(let error):
            let view = PaymentRetryView(
                message: context.chrome.strings.invoiceGatewayDownText(invoice.number), action: action,
                fields: HTTPResponse.retryFields(of: form))
            response = .paymentRetry(view, after: error, chrome: context.chrome)
        }
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
