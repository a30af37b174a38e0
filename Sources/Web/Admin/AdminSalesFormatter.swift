import Foundation
import Templates

/// Turns orders, invoices and their payments into the already-formatted views of the admin's sales
/// pages, in the admin's language and the tenant's time zone.
struct AdminSalesFormatter: Sendable {
    let strings: Strings
    let sales: AdminSalesStrings
    let times: DateText
    let portal: PortalFormatter
    let settlement: SettlementStrings
    /// False when no WhatsApp sender serves the tenant: then that is why every pending message waits.
    let sendsWhatsApp: Bool

    init(context: TenantContext) {
        sendsWhatsApp = context.site.sendsWhatsApp
        strings = context.language.strings
        sales = context.language.adminSalesStrings
        times = DateText(timeZoneIdentifier: context.branding.timeZone, language: context.language)
        portal = PortalFormatter(context: context)
        settlement = context.language.settlementStrings
    }

    static func invoiceURL(_ number: String) -> String { Paths.Admin.invoice(number) }

    // MARK: Orders

    func orderRow(_ order: VoucherOrder) -> AdminOrderRow {
        AdminOrderRow(
            number: order.number, detailURL: Paths.Admin.order(order.number), createdAt: times.dayAndTime(order.createdAt),
            buyerPhone: order.buyerPhone, package: "\(order.quantity) × \(order.profileName)",
            amount: Rupiah.format(order.amount), status: badge(order.effectiveStatus()))
    }

    /// - Parameters:
    ///   - resendState: the send-again form as submitted; nil shows it with the buyer's number.
    ///   - resent: the page after a send-again.
    func orderView(_ detail: OrderDetail, resendState: FormState? = nil, resent: Bool = false, csrfToken: String)
        -> AdminOrderView
    {
        let order = detail.order
        let buyer = [
            SummaryLine(label: sales.labelName, value: order.buyerName),
            SummaryLine(label: sales.labelPhone, value: order.buyerPhone),
            SummaryLine(label: sales.labelEmail, value: order.buyerEmail),
        ].filter { !$0.value.isEmpty }
        let package = [
            SummaryLine(label: strings.labelPackage, value: order.profileName),
            SummaryLine(label: strings.labelQuantity, value: String(order.quantity)),
            SummaryLine(label: strings.labelTotal, value: Rupiah.format(order.amount)),
        ]
        var payment = [SummaryLine(label: sales.labelCreated, value: times.dayAndTime(order.createdAt))]
        if let paidAt = order.paidAt {
            payment.append(SummaryLine(label: strings.labelPaidAt, value: times.dayAndTime(paidAt)))
        } else {
            payment.append(SummaryLine(label: sales.labelExpires, value: times.dayAndTime(order.expiresAt)))
        }
        if let provider = order.gatewayProvider {
            payment.append(SummaryLine(label: sales.labelGateway, value: provider.capitalized))
        }
        if let reference = order.gatewayReference {
            payment.append(SummaryLine(label: sales.labelGatewayReference, value: reference))
        }
        return AdminOrderView(
            number: order.number, status: badge(order.effectiveStatus()), buyer: buyer, package: package,
            payment: payment, voucherCodes: detail.voucherCodes,
            webhookEvents: detail.webhookEvents.map {
                AdminOrderView.WebhookEvent(
                    receivedAt: times.dayAndTime($0.receivedAt), provider: $0.provider.capitalized,
                    outcome: outcomeBadge($0.outcome), detail: $0.reason ?? "")
            },
            messages: detail.messages.map(messageView),
            resendState: resendState ?? FormState(values: [AdminOrderView.Field.phone: order.buyerPhone]), resent: resent,
            csrfToken: csrfToken)
    }

    /// `through Kantor 1` for one of the tenant's own senders, `through the platform's number` otherwise.
    private func senderName(_ sentBy: String) -> String? {
        let words = portal.language.adminWhatsAppStrings
        if sentBy.hasPrefix("own:") { return words.sentThrough(String(sentBy.dropFirst(4))) }
        return sentBy.hasPrefix("platform:") ? words.sentThrough(words.platformSender) : nil
    }

    private func messageView(_ message: OrderDetail.Message) -> AdminOrderView.Message {
        let status: AdminSalesBadge
        var detail = message.lastError ?? ""
        switch message.status {
        case "sent":
            status = AdminSalesBadge(sales.messageSent, tone: .good)
            detail = message.sentAt.map { sales.messageSentAt(times.dayAndTime($0)) } ?? ""
            if let sender = message.sentBy.flatMap(senderName) { detail += " · " + sender }
        case "failed":
            status = AdminSalesBadge(sales.messageGivenUp, tone: .bad)
        default:
            status = AdminSalesBadge(sales.messageWaiting, tone: .waiting)
            // Every waiting message says why: no sender at all, not tried yet, or the last error and the next try.
            if !sendsWhatsApp {
                detail = [sales.messageWaitsForSender, detail].filter { !$0.isEmpty }.joined(separator: " · ")
            } else if message.attempts == 0 {
                detail = sales.messageFirstAttempt(times.dayAndTime(message.nextAttemptAt))
            } else {
                detail += (detail.isEmpty ? "" : " · ") + sales.messageNextAttempt(times.dayAndTime(message.nextAttemptAt))
            }
        }
        return AdminOrderView.Message(
            queuedAt: times.dayAndTime(message.queuedAt), recipient: message.recipient, status: status,
            attempts: String(message.attempts), detail: detail)
    }

    var orderStatuses: [SelectField.Option] {
        VoucherOrder.Status.allCases.map { SelectField.Option(value: $0.rawValue, label: badge($0).text) }
    }

    func badge(_ status: VoucherOrder.Status) -> AdminSalesBadge {
        switch status {
        case .pending: AdminSalesBadge(sales.orderPending, tone: .waiting)
        case .paid: AdminSalesBadge(sales.orderPaid, tone: .good)
        case .expired: AdminSalesBadge(sales.orderExpired, tone: .quiet)
        case .failed: AdminSalesBadge(sales.orderFailed, tone: .bad)
        case .cancelled: AdminSalesBadge(sales.orderCancelled, tone: .quiet)
        }
    }

    private func outcomeBadge(_ outcome: String) -> AdminSalesBadge {
        switch outcome {
        case "processed": AdminSalesBadge(sales.outcomeProcessed, tone: .good)
        case "duplicate": AdminSalesBadge(sales.outcomeDuplicate, tone: .quiet)
        case "ignored": AdminSalesBadge(sales.outcomeIgnored, tone: .quiet)
        case "rejected": AdminSalesBadge(sales.outcomeRejected, tone: .bad)
        case "failed": AdminSalesBadge(sales.outcomeFailed, tone: .bad)
        case "received": AdminSalesBadge(sales.outcomeReceived, tone: .waiting)
        default: AdminSalesBadge(outcome, tone: .quiet)
        }
    }

    // MARK: Invoices

    func invoiceRow(_ row: InvoiceListQuery.Row) -> AdminInvoiceRow {
        let invoice = row.invoice
        return AdminInvoiceRow(
            number: invoice.number, detailURL: Self.invoiceURL(invoice.number),
            customer: row.customerName + " · " + row.customerNumber, period: portal.period(invoice.period),
            amount: Rupiah.format(invoice.amount), dueDate: portal.days.day(invoice.dueDate), status: badge(invoice))
    }

    func invoiceView(_ detail: InvoiceDetail, csrfToken: String) -> AdminInvoiceView {
        let invoice = detail.invoice
        let subscriber = detail.subscriber
        var lines = [
            SummaryLine(label: strings.labelPeriod, value: portal.period(invoice.period)),
            SummaryLine(label: strings.labelAmount, value: Rupiah.format(invoice.amount)),
            SummaryLine(label: strings.labelDueDate, value: portal.days.day(invoice.dueDate)),
        ]
        if let paidAt = invoice.paidAt {
            lines.append(SummaryLine(label: strings.labelPaidAt, value: times.dayAndTime(paidAt)))
        }
        let customer = [
            SummaryLine(label: sales.labelName, value: subscriber.name),
            SummaryLine(label: strings.labelCustomerNumber, value: subscriber.customerNumber),
            SummaryLine(label: strings.labelPPPoEUsername, value: subscriber.pppoeUsername),
            SummaryLine(label: sales.labelPhone, value: subscriber.phone),
            SummaryLine(label: sales.labelEmail, value: subscriber.email),
        ].filter { !$0.value.isEmpty }
        return AdminInvoiceView(
            number: invoice.number, status: badge(invoice), invoice: lines, customer: customer,
            payments: detail.payments.map {
                AdminInvoiceView.Payment(
                    date: times.dayAndTime($0.createdAt), method: InvoiceSettlement.Method.name(of: $0.provider, in: settlement),
                    reference: $0.reference ?? "",
                    amount: Rupiah.format($0.amount),
                    status: $0.status == "paid"
                        ? AdminSalesBadge(sales.paymentPaid, tone: .good) : AdminSalesBadge(sales.paymentRefunded, tone: .quiet))
            },
            csrfToken: csrfToken)
    }

    var invoiceStatuses: [SelectField.Option] {
        [
            SelectField.Option(value: "unpaid", label: strings.invoiceUnpaid),
            SelectField.Option(value: "overdue", label: strings.invoiceOverdue),
            SelectField.Option(value: "paid", label: strings.invoicePaid),
            SelectField.Option(value: "void", label: strings.invoiceVoid),
        ]
    }

    func badge(_ invoice: Invoice) -> AdminSalesBadge {
        switch invoice.status {
        case .unpaid where invoice.isOverdue: AdminSalesBadge(strings.invoiceOverdue, tone: .bad)
        case .unpaid: AdminSalesBadge(strings.invoiceUnpaid, tone: .waiting)
        case .paid: AdminSalesBadge(strings.invoicePaid, tone: .good)
        case .void: AdminSalesBadge(strings.invoiceVoid, tone: .quiet)
        }
    }
}
