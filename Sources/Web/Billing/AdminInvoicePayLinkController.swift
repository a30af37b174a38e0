import Foundation
import HTTP
import Postgres
import Templates

/// `POST /admin/invoices/{number}/pay-link` (a new link, shown once on the page) and
/// `POST /admin/invoices/{number}/pay-link/send` (a new link sent by WhatsApp), and the pay-link
/// section of the invoice's page. Either way the old link stops working: only the newest token's hash
/// is stored. Each is audited; only unpaid invoices have a link to renew (others: 409).
struct AdminInvoicePayLinkController: Sendable {
    let services: AdminServices
    let invoices: InvoiceListQuery
    let database: PostgresPool
    let baseDomain: String

    func addRoutes(to router: inout Router<TenantContext>) {
        router.post(AdminInvoicesController.path + "/{number}/pay-link") { request, context, parameters in
            try renew(request, context, number: try parameters.require("number"), sending: false)
        }
        router.post(AdminInvoicesController.path + "/{number}/pay-link/send") { request, context, parameters in
            try renew(request, context, number: try parameters.require("number"), sending: true)
        }
    }

    /// The section for the invoice's page.
    func section(
        for invoice: Invoice, subscriber: Subscriber, context: TenantContext, csrfToken: String, newLink: String? = nil,
        notice: String? = nil
    ) throws -> AdminInvoicePayLinkView {
        let words = context.language.billingStrings
        let times = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        let sent = try database.scoped(to: context.tenant).query(
            "select kind, queued_at from invoice_messages where tenant_id = $1 and invoice_id = $2 order by queued_at, kind",
            context.tenant.id, invoice.id
        ).compactMap { row -> SummaryLine? in
            guard let kind = BillingMessageKind(rawValue: try row.decode("kind")) else { return nil }
            return SummaryLine(label: words.messageKindName(kind), value: times.dayAndTime(try row.decode("queued_at")))
        }
        let path = AdminInvoicesController.path + "/" + PathSegment.encode(invoice.number) + "/pay-link"
        return AdminInvoicePayLinkView(
            isOpen: invoice.status == .unpaid, hasWhatsApp: !subscriber.phone.isEmpty, reissuePath: path,
            resendPath: path + "/send", newLink: newLink, notice: notice, sent: sent, csrfToken: csrfToken)
    }

    private func renew(_ request: HTTPRequest, _ context: TenantContext, number: String, sending: Bool) throws
        -> HTTPResponse
    {
        let admin = try AuthenticatedTenantAdmin(request: request, context: context, services: services)
        try admin.verifyCSRF(try request.formFields())
        let actor = AuditActor(admin, request: request)
        let outcome = try database.scoped(to: context.tenant).transaction { db -> (token: String, phone: String)? in
            guard
                let row = try db.query(
                    """
                    select i.id, i.invoice_number, i.amount, i.period, to_char(i.due_date, 'YYYY-MM-DD') as due_date,
                        s.name, s.phone
                    from invoices i join subscribers s on s.tenant_id = i.tenant_id and s.id = i.subscriber_id
                    where i.tenant_id = $1 and i.invoice_number = $2
                    for update of i
                    """, context.tenant.id, number
                ).first
            else { throw HTTPError(.notFound) }
            let invoice = BilledInvoice(
                id: try row.decode("id"), number: try row.decode("invoice_number"), amount: try row.decode("amount"),
                period: try row.decode("period"), dueDate: CalendarDay(iso: try row.decode("due_date"))
                    ?? CalendarDay(year: 1970, month: 1, clampingDay: 1),
                subscriberName: try row.decode("name"), phone: try row.decode("phone"))
            guard !(sending && invoice.phone.isEmpty),
                let token = try InvoicePayLink.reissue(invoiceID: invoice.id, tenantID: context.tenant.id, on: db)
            else { return nil }
            if sending, let tenant = try BillingTenant.load(context.tenant.id, baseDomain: baseDomain, on: db) {
                try InvoicePayLink.send(.issued, about: invoice, token: token, tenant: tenant, recording: false, on: db)
            }
            try db.query(
                """
                insert into audit_log (tenant_id, actor, action, target, before, after, ip)
                values ($1, $2, $3, $4, null, jsonb_build_object('recipient', $5::text), $6)
                """, context.tenant.id, actor.email, sending ? "invoice.resend_link" : "invoice.reissue_link", invoice.number,
                sending ? invoice.phone : nil, actor.clientAddress)
            return (token, invoice.phone)
        }
        guard let outcome else { throw HTTPError(.conflict) }
        guard let detail = try invoices.detail(number: number, for: context.tenant) else { throw HTTPError(.notFound) }
        let words = context.language.billingStrings
        var view = AdminSalesFormatter(context: context).invoiceView(detail, csrfToken: admin.session.csrfSecret)
        view.payLink = try section(
            for: detail.invoice, subscriber: detail.subscriber, context: context, csrfToken: admin.session.csrfSecret,
            newLink: sending ? nil : request.siteOrigin + "/pay/" + outcome.token,
            notice: sending ? words.resendQueued(outcome.phone) : nil)
        return .adminSalesPage(AdminInvoicePage(chrome: context.chrome, view: view))
    }
}
