import Foundation
import HTTP
import Templates

/// `GET/POST /pay/{token}`: an invoice by its unguessable link, without signing in. The token is
/// looked up by its SHA-256 within this tenant only, so another tenant's token on this host is a 404.
/// The pay form is anonymous, so it carries the double-submit CSRF token.
struct PayLinkController: Sendable {
    let services: PortalServices
    let payment: InvoiceCheckoutResponder

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get("/pay/{token}") { request, context, parameters in
            try show(request, context, token: try parameters.require("token"))
        }
        router.post("/pay/{token}", limit: .pay) { request, context, parameters in
            try pay(request, context, token: try parameters.require("token"))
        }
    }

    private func show(_ request: HTTPRequest, _ context: TenantContext, token: String) throws -> HTTPResponse {
        let (invoice, subscriber) = try find(token, context)
        let format = PortalFormatter(context: context)
        let content: PortalPayLinkView.Content
        var cookie: SetCookie?
        if invoice.status == .paid {
            let providers = try services.invoices.settlingProviders(of: invoice)
            content = .receipt(
                format.receipt(invoice, paidThrough: providers, subscriber: subscriber, branding: context.branding))
        } else {
            let issued = CSRFToken.issue(for: request)
            cookie = issued.cookie
            content = .payable(format.payLinkSummary(invoice, token: token), csrfToken: issued.token)
        }
        let view = PortalPayLinkView(customerName: subscriber.name, content: content)
        var response = PortalController.private(PortalPayLinkPage(chrome: context.chrome, view: view))
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func pay(_ request: HTTPRequest, _ context: TenantContext, token: String) throws -> HTTPResponse {
        let form = try request.formFields()
        try CSRFToken.verify(request, form: form)
        let (invoice, subscriber) = try find(token, context)
        let path = Paths.payLink(token)
        var response = try payment.respond(
            invoice, payer: subscriber, form: form, action: path, paidPath: path, request, context)
        // The token exists only in the link: kept briefly so the gateway's return can lead back to it.
        if response.status == .seeOther, invoice.status == .unpaid,
            let cookie = PaymentReturnController.payLinkCookie(invoice, token: token, request)
        {
            response.setCookie(cookie)
        }
        return response
    }

    private func find(_ token: String, _ context: TenantContext) throws -> (Invoice, Subscriber) {
        guard let invoice = try services.invoices.invoice(paymentToken: token, for: context.tenant),
            let subscriber = try services.subscribers.subscriber(id: invoice.subscriberID, for: context.tenant)
        else {
            throw HTTPError(.notFound)
        }
        return (invoice, subscriber)
    }
}
