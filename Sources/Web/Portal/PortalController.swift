import Foundation
import HTTP
import Templates

/// The signed-in subscriber's pages: overview, invoices, one invoice, payments, receipts.
/// Its routes are in the signed-in subscriber's group, and every lookup is by the subscriber, so an
/// invoice number of another subscriber (of this tenant or another) is a plain 404.
struct PortalController: Sendable {
    let services: PortalServices
    let payment: InvoiceCheckoutResponder

    func addRoutes(to router: inout RouteGroup<AuthenticatedSubscriber>) {
        router.get("/portal") { _, user, _ in try overview(user) }
        router.get("/portal/invoices") { _, user, _ in try invoices(user) }
        router.get("/portal/invoices/{number}") { _, user, parameters in
            try invoice(user, number: try parameters.require("number"))
        }
        router.post("/portal/invoices/{number}/pay", limit: .pay) { request, user, parameters in
            try pay(request, user, number: try parameters.require("number"))
        }
        router.get("/portal/payments") { _, user, _ in try payments(user) }
        router.get("/portal/receipts/{number}") { _, user, parameters in
            try receipt(user, number: try parameters.require("number"))
        }
    }

    private func overview(_ user: AuthenticatedSubscriber) throws -> HTTPResponse {
        let subscriber = user.subscriber
        let format = PortalFormatter(context: user.context)
        let status: PortalDashboardView.Status =
            switch subscriber.status {
            case .active: .active
            case .isolated: .isolated
            case .suspended: .suspended
            case .terminated: .terminated
            }
        let view = PortalDashboardView(
            frame: frame(.overview, user), name: subscriber.name, customerNumber: subscriber.customerNumber,
            pppoeUsername: subscriber.pppoeUsername, planName: subscriber.planName,
            monthlyPrice: Rupiah.format(subscriber.monthlyPrice), status: status,
            nextInvoice: try services.invoices.nextUnpaid(of: subscriber).map { format.portalSummary($0) },
            speed: try services.usage.speed(of: subscriber).map { format.speed(down: $0.down, up: $0.up) },
            usage: try services.usage.thisMonth(of: subscriber, timeZone: user.context.branding.timeZone).map(format.usage),
            usageMonth: format.currentMonth())
        return Self.private(PortalDashboardPage(chrome: user.context.chrome, view: view))
    }

    private func invoices(_ user: AuthenticatedSubscriber) throws -> HTTPResponse {
        let format = PortalFormatter(context: user.context)
        let rows = try services.invoices.invoices(of: user.subscriber).map { format.portalSummary($0) }
        return Self.private(PortalInvoicesPage(chrome: user.context.chrome, frame: frame(.invoices, user), invoices: rows))
    }

    private func invoice(_ user: AuthenticatedSubscriber, number: String) throws -> HTTPResponse {
        guard let invoice = try services.invoices.invoice(number: number, of: user.subscriber) else {
            throw HTTPError(.notFound)
        }
        let summary = PortalFormatter(context: user.context).portalSummary(invoice, linkToDetail: false)
        return Self.private(PortalInvoicePage(chrome: user.context.chrome, frame: frame(.invoices, user), invoice: summary))
    }

    private func pay(_ request: HTTPRequest, _ user: AuthenticatedSubscriber, number: String) throws -> HTTPResponse {
        let form = try request.formFields()
        try user.verifyCSRF(form)
        guard let invoice = try services.invoices.invoice(number: number, of: user.subscriber), invoice.status != .void
        else {
            throw HTTPError(.notFound)
        }
        return try payment.respond(
            invoice, payer: user.subscriber, form: form, action: Paths.Portal.payInvoice(invoice.number),
            paidPath: Paths.Portal.receipt(invoice.number), request, user.context)
    }

    private func payments(_ user: AuthenticatedSubscriber) throws -> HTTPResponse {
        let format = PortalFormatter(context: user.context)
        let rows = try services.invoices.payments(of: user.subscriber).map(format.paymentRow)
        let view = PortalPaymentsView(frame: frame(.payments, user), rows: rows)
        return Self.private(PortalPaymentsPage(chrome: user.context.chrome, view: view))
    }

    private func receipt(_ user: AuthenticatedSubscriber, number: String) throws -> HTTPResponse {
        guard let invoice = try services.invoices.invoice(number: number, of: user.subscriber), invoice.status == .paid
        else {
            throw HTTPError(.notFound)
        }
        let receipt = PortalFormatter(context: user.context).receipt(
            invoice, paidThrough: try services.invoices.settlingProviders(of: invoice), subscriber: user.subscriber,
            branding: user.context.branding)
        return Self.private(PortalReceiptPage(chrome: user.context.chrome, frame: frame(.payments, user), receipt: receipt))
    }

    private func frame(_ section: PortalFrame.Section, _ user: AuthenticatedSubscriber) -> PortalFrame {
        PortalFrame(section: section, csrfToken: user.session.csrfSecret)
    }

    /// Pages about one person's bills: never stored by a shared cache or the browser's disk cache.
    static func `private`(_ page: some HTML) -> HTTPResponse {
        var response = HTTPResponse.page(page)
        response.headers.set("Cache-Control", "private, no-store")
        return response
    }
}
