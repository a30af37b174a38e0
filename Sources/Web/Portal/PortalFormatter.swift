import Foundation
import Templates

/// Turns portal rows into the already-formatted view models the pages show, in the visitor's
/// language and the tenant's time zone.
struct PortalFormatter: Sendable {
    let strings: Strings
    let times: DateText
    /// Calendar days (due dates) are stored without a zone and read as midnight UTC; shown as they are.
    let days: DateText
    let settlement: SettlementStrings
    let language: Language
    /// The tenant's time zone (IANA name).
    let timeZone: String

    init(context: TenantContext) {
        self.init(language: context.language, timeZoneIdentifier: context.branding.timeZone)
    }

    /// Outside a request: the billing run's WhatsApp messages.
    init(language: Language, timeZoneIdentifier: String) {
        self.language = language
        timeZone = timeZoneIdentifier
        strings = language.strings
        times = DateText(timeZoneIdentifier: timeZoneIdentifier, language: language)
        days = DateText(timeZoneIdentifier: "UTC", language: language)
        settlement = language.settlementStrings
    }

    /// `November 2026` from `2026-11`.
    func period(_ period: String) -> String {
        let parts = period.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else {
            return period
        }
        return "\(strings.monthNames[month - 1]) \(year)"
    }

    /// An invoice inside the portal: its detail page, pay button and receipt under `/portal`.
    func portalSummary(_ invoice: Invoice, linkToDetail: Bool = true) -> PortalInvoiceSummary {
        summary(
            invoice, detailURL: linkToDetail ? Paths.Portal.invoice(invoice.number) : nil,
            payURL: Paths.Portal.payInvoice(invoice.number), receiptURL: Paths.Portal.receipt(invoice.number))
    }

    /// An invoice opened by its pay link: no portal links, the button posts back to the link.
    func payLinkSummary(_ invoice: Invoice, token: String) -> PortalInvoiceSummary {
        summary(invoice, detailURL: nil, payURL: Paths.payLink(token), receiptURL: nil)
    }

    /// - Parameter providers: how it was settled (`InvoiceRepository.settlingProviders`).
    func receipt(_ invoice: Invoice, paidThrough providers: [String], subscriber: Subscriber, branding: Branding)
        -> PortalReceiptView
    {
        let contact = [branding.contactWhatsApp, branding.contactEmail].filter { !$0.isEmpty }.joined(separator: " · ")
        return PortalReceiptView(
            issuerName: branding.displayName, issuerAddress: branding.address, issuerContact: contact,
            customerName: subscriber.name, customerNumber: subscriber.customerNumber, invoiceNumber: invoice.number,
            period: period(invoice.period), amount: Rupiah.format(invoice.amount),
            paidAt: invoice.paidAt.map(times.dayAndTime) ?? "", receiptNumber: "R-" + invoice.number,
            paymentMethod: providers.map { InvoiceSettlement.Method.name(of: $0, in: settlement) }.joined(separator: ", "))
    }

    func paymentRow(_ payment: InvoicePayment) -> PortalPaymentsView.Row {
        PortalPaymentsView.Row(
            date: times.dayAndTime(payment.createdAt), invoiceNumber: payment.invoiceNumber,
            period: period(payment.period), amount: Rupiah.format(payment.amount),
            method: InvoiceSettlement.Method.name(of: payment.gatewayProvider, in: settlement),
            receiptURL: payment.status == "paid" ? Paths.Portal.receipt(payment.invoiceNumber) : nil)
    }

    func summary(_ invoice: Invoice, detailURL: String?, payURL: String, receiptURL: String?) -> PortalInvoiceSummary {
        let state: PortalInvoiceSummary.State
        switch invoice.status {
        case .unpaid: state = .unpaid(overdue: invoice.isOverdue)
        case .paid: state = .paid(at: invoice.paidAt.map(times.dayAndTime) ?? "")
        case .void: state = .void
        }
        return PortalInvoiceSummary(
            number: invoice.number, period: period(invoice.period),
            amount: Rupiah.format(invoice.status == .unpaid ? invoice.amountDue : invoice.amount),
            dueDate: days.day(invoice.dueDate), state: state, detailURL: detailURL,
            payURL: invoice.status == .unpaid ? payURL : nil, receiptURL: invoice.status == .paid ? receiptURL : nil)
    }
}
