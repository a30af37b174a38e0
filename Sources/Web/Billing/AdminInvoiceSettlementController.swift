import Foundation
import HTTP
import Templates

/// `POST /admin/invoices/{number}/payments` and `POST /admin/invoices/{number}/void`: a payment taken
/// at the counter and voiding, from the admin's invoice page (whose counter section `section(…)`
/// builds). Every lookup is scoped by the admin's tenant, so another tenant's invoice is a 404. Bad
/// input shows the invoice page again with the typed values and a 422; a refusal the invoice's state
/// decides (already paid, void, money against it) is a 409 with the reason.
struct AdminInvoiceSettlementController: Sendable {
    typealias Field = InvoiceSettlementView.Field

    let invoices: InvoiceListQuery
    let settlement: InvoiceSettlement

    /// A counter payment's reference (its `note`).
    static let referenceLimit = 200
    static let reasonLimit = 500

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.post("/admin/invoices/{number}/payments") { request, admin, parameters in
            try recordPayment(request, admin, number: try parameters.require("number"))
        }
        router.post("/admin/invoices/{number}/void") { request, admin, parameters in
            try void(request, admin, number: try parameters.require("number"))
        }
    }

    /// The verified form and the admin's own invoice, or the 403/404 that ends it.
    private func submission(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, number: String) throws
        -> (URLEncodedForm, InvoiceDetail)
    {
        let form = try request.formFields()
        try admin.verifyCSRF(form)
        guard let detail = try invoices.detail(number: number, for: admin.context.tenant) else { throw HTTPError(.notFound) }
        return (form, detail)
    }

    private func recordPayment(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, number: String) throws -> HTTPResponse {
        let context = admin.context
        let (form, detail) = try submission(request, admin, number: number)
        let words = context.language.settlementStrings
        let typed = [Field.amount, Field.method, Field.reference].reduce(into: [String: String]()) { $0[$1] = form[$1] ?? "" }
        var errors: [String: String] = [:]
        let amount = try? RupiahInput(parsing: typed[Field.amount] ?? "", in: 1...100_000_000).value
        if amount == nil { errors[Field.amount] = words.errorAmount }
        let method = InvoiceSettlement.Method(rawValue: typed[Field.method] ?? "")
        if method == nil { errors[Field.method] = words.errorMethod }
        let reference = (typed[Field.reference] ?? "").trimmed
        if reference.count > Self.referenceLimit || reference.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            errors[Field.reference] = words.errorReference
        }
        guard errors.isEmpty, let amount, let method else {
            return try page(detail, admin, payment: FormState(values: typed, errors: errors), status: .unprocessableContent)
        }
        let payment = InvoiceSettlement.CounterPayment(amount: amount, method: method, reference: reference)
        switch try settlement.record(payment, invoiceNumber: number, for: context.tenant, by: AuditActor(admin, request: request)) {
        case .settled:
            return .redirect(to: Paths.Admin.invoice(number) + "?settlement=settled")
        case .recorded:
            return .redirect(to: Paths.Admin.invoice(number) + "?settlement=recorded")
        case .notFound:
            throw HTTPError(.notFound)
        case .notPayable:
            return try page(detail, admin, problem: words.errorNotPayable, status: .conflict)
        case .exceedsRemaining(let remaining):
            errors[Field.amount] = words.errorExceedsRemaining(Rupiah.format(remaining))
            return try page(detail, admin, payment: FormState(values: typed, errors: errors), status: .unprocessableContent)
        }
    }

    private func void(_ request: HTTPRequest, _ admin: AuthenticatedTenantAdmin, number: String) throws -> HTTPResponse {
        let context = admin.context
        let (form, detail) = try submission(request, admin, number: number)
        let words = context.language.settlementStrings
        let typed = [Field.reason: form[Field.reason] ?? ""]
        let reason = (typed[Field.reason] ?? "").trimmed
        guard !reason.isEmpty, reason.count <= Self.reasonLimit,
            !reason.unicodeScalars.contains(where: { $0.value < 0x20 })
        else {
            let state = FormState(values: typed, errors: [Field.reason: words.errorVoidReason])
            return try page(detail, admin, void: state, status: .unprocessableContent)
        }
        switch try settlement.void(invoiceNumber: number, reason: reason, for: context.tenant, by: AuditActor(admin, request: request)) {
        case .voided:
            return .redirect(to: Paths.Admin.invoice(number) + "?settlement=voided")
        case .notFound:
            throw HTTPError(.notFound)
        case .notUnpaid:
            return try page(detail, admin, problem: words.errorNotVoidable, status: .conflict)
        case .hasPayments:
            return try page(detail, admin, problem: words.errorHasPayments, status: .conflict)
        }
    }

    /// The invoice page again, with this section's forms as submitted.
    private func page(
        _ detail: InvoiceDetail, _ admin: AuthenticatedTenantAdmin, payment: FormState? = nil, void: FormState? = nil,
        problem: String? = nil, status: HTTPStatus
    ) throws -> HTTPResponse {
        let context = admin.context
        var view = AdminSalesFormatter(context: context).invoiceView(detail, csrfToken: admin.session.csrfSecret)
        view.settlement = Self.section(
            for: detail, context: context, csrfToken: admin.session.csrfSecret, payment: payment, void: void,
            problem: problem)
        return .page(AdminInvoicePage(chrome: context.chrome, view: view), status: status)
    }

    /// The invoice page's counter section: what is paid and owed, and the forms that still apply.
    /// - Parameter outcome: the `settlement` query item a successful post redirected with.
    static func section(
        for detail: InvoiceDetail, context: TenantContext, csrfToken: String, outcome: String? = nil,
        payment: FormState? = nil, void: FormState? = nil, problem: String? = nil
    ) -> InvoiceSettlementView {
        let words = context.language.settlementStrings
        let invoice = detail.invoice
        let paid = detail.payments.filter { $0.status == "paid" }.reduce(Int64(0)) { $0 + $1.amount }
        let unpaid = invoice.status == .unpaid
        var voided: [SummaryLine] = []
        if invoice.status == .void {
            let times = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
            if let at = invoice.voidedAt { voided.append(SummaryLine(label: words.labelVoidedAt, value: times.dayAndTime(at))) }
            if let reason = invoice.voidReason { voided.append(SummaryLine(label: words.labelVoidReason, value: reason)) }
        }
        let notice: String? =
            switch outcome {
            case "recorded": words.noticePaymentRecorded
            case "settled": words.noticeInvoiceSettled
            case "voided": words.noticeInvoiceVoided
            default: nil
            }
        return InvoiceSettlementView(
            paidSoFar: Rupiah.format(paid), stillOwed: Rupiah.format(unpaid ? max(invoice.amount - paid, 0) : 0),
            paymentPath: unpaid ? Paths.Admin.invoicePayments(invoice.number) : nil,
            voidPath: unpaid && paid == 0 ? Paths.Admin.voidInvoice(invoice.number) : nil,
            voided: voided, payment: payment ?? FormState(values: [Field.method: "cash"]), void: void ?? FormState(),
            notice: notice, problem: problem, csrfToken: csrfToken)
    }
}
