import Foundation
import HTTP
import Templates

/// `POST /admin/invoices/{number}/pay-link` (a new link, shown once on the page) and
/// `POST /admin/invoices/{number}/pay-link/send` (a new link sent by WhatsApp), and the pay-link
/// section of the invoice's page. Either way the old link stops working: only the newest token's hash
/// is stored. Each is audited; only unpaid invoices have a link to renew (others: 409).
struct AdminInvoicePayLinkController: Sendable {
    let invoices: InvoiceListQuery
    let renewer: InvoiceLinkRenewer

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.post("/admin/invoices/{number}/pay-link") { request, admin, parameters in
            try renew(request, admin, number: try parameters.require("number"), sending: false)
        }
        router.post("/admin/invoices/{number}/pay-link/send") { request, admin, parameters in
            try renew(request, admin, number: try parameters.require("number"), sending: true)
        }
    }

    /// The section for the invoice's page.
    func section(
        for invoice: Invoice, subscriber: Subscriber, context: TenantContext, csrfToken: String, newLink: String? = nil,
        notice: String? = nil
    ) throws -> AdminInvoicePayLinkView {
        let words = context.language.billingStrings
        let times = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        let sent = try renewer.sentMessages(invoiceID: invoice.id, for: context.tenant).map {
            SummaryLine(label: words.messageKindName($0.kind), value: times.dayAndTime($0.queuedAt))
        }
        return AdminInvoicePayLinkView(
            isOpen: invoice.status == .unpaid, hasWhatsApp: !subscriber.phone.isEmpty,
            reissuePath: Paths.Admin.invoicePayLink(invoice.number), resendPath: Paths.Admin.sendInvoicePayLink(invoice.number),
            newLink: newLink, notice: notice, sent: sent, csrfToken: csrfToken)
    }

    private func renew(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, number: String, sending: Bool) throws
        -> HTTPResponse
    {
        let context = admin.context
        try admin.verifyCSRF(try request.formFields())
        let outcome = try renewer.renew(
            number: number, sending: sending, for: context.tenant, by: AuditActor(admin, request: request))
        guard case .renewed(let token, let sentTo) = outcome else {
            throw HTTPError(outcome == .notFound ? .notFound : .conflict)
        }
        guard let detail = try invoices.detail(number: number, for: context.tenant) else { throw HTTPError(.notFound) }
        var view = AdminSalesFormatter(context: context).invoiceView(detail, csrfToken: admin.session.csrfSecret)
        view.payLink = try section(
            for: detail.invoice, subscriber: detail.subscriber, context: context, csrfToken: admin.session.csrfSecret,
            newLink: sentTo == nil ? request.siteOrigin + Paths.payLink(token) : nil,
            notice: sentTo.map(context.language.billingStrings.resendQueued))
        return .page(AdminInvoicePage(chrome: context.chrome, view: view))
    }
}
