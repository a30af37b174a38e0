import Foundation
import HTTP
import Templates

/// `GET /isolated` and `POST /isolated/invoices/{number}/pay`: where a router sends an isolated
/// subscriber's web traffic (`gerbang export isolation`). The subscriber is recognised by the address
/// the request comes from (the client address, or the forwarded one from a trusted proxy) matched
/// against the open sessions FreeRADIUS recorded; only an isolated subscriber's own open invoices are
/// shown, each with a pay button that opens the one checkout path (`InvoiceCheckoutResponder`), as
/// the portal's does. An address it does not recognise gets the way to the portal's login.
///
/// Recognising by address is what a captive page can do: the address is assigned by the ISP's router
/// to one PPPoE session at a time. The page shows invoice facts and a name, nothing to change.
struct IsolationPageController: Sendable {
    let services: PortalServices
    let payment: InvoiceCheckoutResponder

    func addRoutes(to router: inout RouteGroup<TenantContext>) {
        router.get("/isolated") { request, context, _ in try show(request, context) }
        router.post("/isolated/invoices/{number}/pay", limit: .pay) { request, context, parameters in
            let form = try request.formFields()
            try CSRFToken.verify(request, form: form)
            guard
                let subscriber = try services.subscribers.isolatedSubscriber(
                    connectedFrom: request.clientAddress, for: context.tenant),
                let invoice = try services.invoices.invoice(number: try parameters.require("number"), of: subscriber)
            else { throw HTTPError(.notFound) }
            return try payment.respond(
                invoice, payer: subscriber, form: form, action: Paths.Isolated.payInvoice(invoice.number), paidPath: Paths.Isolated.home,
                request, context)
        }
    }

    private func show(_ request: HTTPRequest, _ context: TenantContext) throws -> HTTPResponse {
        guard
            let subscriber = try services.subscribers.isolatedSubscriber(
                connectedFrom: request.clientAddress, for: context.tenant)
        else {
            let view = IsolationView(content: .unknown(portalLoginURL: Paths.Portal.login))
            return PortalController.private(IsolationPage(chrome: context.chrome, view: view))
        }
        let format = PortalFormatter(context: context)
        let open = try services.invoices.invoices(of: subscriber).filter { $0.status == .unpaid }.map {
            format.isolationSummary($0)
        }
        let issued = CSRFToken.issue(for: request)
        let view = IsolationView(content: .subscriber(name: subscriber.name, invoices: open, csrfToken: issued.token))
        var response = PortalController.private(IsolationPage(chrome: context.chrome, view: view))
        if let cookie = issued.cookie { response.setCookie(cookie) }
        return response
    }
}

extension PortalFormatter {
    /// An open invoice on the isolation page: no portal links, its pay button posts to that page.
    func isolationSummary(_ invoice: Invoice) -> PortalInvoiceSummary {
        summary(invoice, detailURL: nil, payURL: Paths.Isolated.payInvoice(invoice.number), receiptURL: nil)
    }
}
