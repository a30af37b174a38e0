import Foundation
import Testing

@testable import Templates

/// The customer portal's signed-in pages and the pay-by-link page, rendered from view models built as
/// `PortalController`, `PayLinkController` and `PortalFormatter` build them: what a subscriber sees.
@Suite struct PortalPagesRenderingTests {
    private func chrome(_ language: Language = .en) -> SiteChrome { PageRendering.chrome(language) }

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    private static let hostile = "<script>alert(1)</script> & \"Budi\""
    private static let number = "INV-2026-11-0007"
    /// Due dates are calendar days, stored as midnight UTC.
    private static let due = Date(timeIntervalSince1970: 1_796_083_200)
    /// 30 November 2026, 23:30 UTC: already 1 December in Jakarta.
    private static let paidAt = Date(timeIntervalSince1970: 1_796_081_400)

    private func frame(_ section: PortalFrame.Section) -> PortalFrame { PortalFrame(section: section, csrfToken: "csrf-p") }

    /// An invoice of November 2026 for Rp 150.000, as the portal lists it.
    private func invoice(_ state: PortalInvoiceSummary.State, language: Language = .en, detail: Bool = true)
        -> PortalInvoiceSummary
    {
        let strings = language.strings
        let isUnpaid = if case .unpaid = state { true } else { false }
        let isPaid = if case .paid = state { true } else { false }
        return PortalInvoiceSummary(
            number: Self.number, period: "\(strings.monthNames[10]) 2026", amount: Rupiah.format(150_000),
            dueDate: DateText(timeZoneIdentifier: "UTC", language: language).day(Self.due), state: state,
            detailURL: detail ? Paths.Portal.invoice(Self.number) : nil,
            payURL: isUnpaid ? Paths.Portal.payInvoice(Self.number) : nil,
            receiptURL: isPaid ? Paths.Portal.receipt(Self.number) : nil)
    }

    private func paid(_ language: Language = .en) -> PortalInvoiceSummary.State {
        .paid(at: DateText(timeZoneIdentifier: "Asia/Jakarta", language: language).dayAndTime(Self.paidAt))
    }

    private func receipt(customer: String = "Budi Santoso") -> PortalReceiptView {
        PortalReceiptView(
            issuerName: "Net & Co", issuerAddress: "Jl. Merdeka 1, Bandung", issuerContact: "0812 3456 7890 · halo@net.id",
            customerName: customer, customerNumber: "C-1001", invoiceNumber: Self.number, period: "November 2026",
            amount: Rupiah.format(150_000),
            paidAt: DateText(timeZoneIdentifier: "Asia/Jakarta", language: .en).dayAndTime(Self.paidAt),
            receiptNumber: "R-" + Self.number, paymentMethod: "Midtrans")
    }

    private func dashboard(
        name: String = "Budi Santoso", status: PortalDashboardView.Status = .active, next: PortalInvoiceSummary?,
        usage: PortalDashboardView.Usage? = nil, language: Language = .en
    ) -> PortalDashboardView {
        PortalDashboardView(
            frame: frame(.overview), name: name, customerNumber: "C-1001", pppoeUsername: "budi@net",
            planName: "Rumah 20 Mbps", monthlyPrice: Rupiah.format(250_000), status: status, nextInvoice: next,
            speed: language.portalAccountStrings.speedValue("20 Mbps", "10 Mbps"), usage: usage,
            usageMonth: "\(language.strings.monthNames[11]) 2026")
    }

    // MARK: Overview

    @Test func overviewGreetsTheSubscriberAndOffersToPayTheNextInvoice() {
        let html = rendered(
            PortalDashboardPage(chrome: chrome(), view: dashboard(name: Self.hostile, next: invoice(.unpaid(overdue: false)))))
        #expect(html.contains("<h1>Hello, &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Budi\"</h1>"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("C-1001") && html.contains("budi@net") && html.contains("Rumah 20 Mbps"))
        #expect(html.contains("Rp 250.000") && html.contains("Rp 150.000"))
        #expect(html.contains("20 Mbps down / 10 Mbps up"))
        #expect(html.contains("<span class=\"badge paid\">Active</span>"))
        #expect(html.contains("1 December 2026") && html.contains("November 2026"))
        #expect(html.contains("<span class=\"badge unpaid\">Unpaid</span>"))
        #expect(html.contains("action=\"\(Paths.Portal.payInvoice(Self.number))\""))
        #expect(html.contains("href=\"\(Paths.Portal.invoice(Self.number))\""))
        #expect(html.contains("href=\"\(Paths.Portal.home)\" aria-current=\"page\""))
        #expect(html.contains("action=\"\(Paths.Portal.logout)\""))
        #expect(html.contains("name=\"_csrf\" value=\"csrf-p\""))
        #expect(html.contains("No usage recorded this month."))
        #expect(PageRendering.repeatedIDs(in: html).isEmpty)
        #expect(!html.contains("form-alert isolated"))
    }

    @Test func isolatedSubscriberIsToldPlainlyAndSeesThisMonthsUsage() {
        let usage = PortalDashboardView.Usage(
            sessions: 12, timeOnline: Language.id.portalAccountStrings.duration(5, 7), download: "1,5 GB",
            upload: "320,4 MB", isOnline: true)
        let view = dashboard(status: .isolated, next: invoice(.unpaid(overdue: true), language: .id), usage: usage, language: .id)
        let html = rendered(PortalDashboardPage(chrome: chrome(.id), view: view))
        #expect(html.contains("<h1>Halo, Budi Santoso</h1>"))
        #expect(html.contains("Koneksi Anda diisolir karena ada tagihan yang lewat jatuh tempo."))
        #expect(html.contains("Diisolir karena belum membayar"))
        #expect(html.contains("<strong class=\"badge overdue\">Lewat jatuh tempo</strong>"))
        #expect(html.contains("Desember 2026"))
        #expect(html.contains("12 · "))
        #expect(html.contains("1,5 GB") && html.contains("320,4 MB"))
        #expect(html.contains("Bayar sekarang"))
    }

    @Test func overviewWithNothingToPaySaysThankYou() {
        let html = rendered(PortalDashboardPage(chrome: chrome(), view: dashboard(status: .suspended, next: nil)))
        #expect(html.contains("You have no unpaid invoices. Thank you!"))
        #expect(html.contains("Suspended"))
        #expect(!html.contains("Pay now"))
    }

    // MARK: Invoices

    @Test func invoiceListLinksEachInvoiceWithItsStatus() {
        let invoices = [invoice(.unpaid(overdue: true)), invoice(paid()), invoice(.void)]
        let html = rendered(PortalInvoicesPage(chrome: chrome(), frame: frame(.invoices), invoices: invoices))
        #expect(html.contains("<h1>Invoices</h1>"))
        #expect(html.contains("<a href=\"\(Paths.Portal.invoice(Self.number))\">\(Self.number)</a>"))
        #expect(html.contains("Overdue") && html.contains(">Paid<") && html.contains(">Void<"))
        #expect(html.contains("href=\"\(Paths.Portal.invoices)\" aria-current=\"page\""))
        #expect(!html.contains("No invoices yet."))
    }

    @Test func emptyInvoiceListSaysSoInBothLanguages() {
        let english = rendered(PortalInvoicesPage(chrome: chrome(), frame: frame(.invoices), invoices: []))
        let indonesian = rendered(PortalInvoicesPage(chrome: chrome(.id), frame: frame(.invoices), invoices: []))
        #expect(english.contains("No invoices yet.") && !english.contains("<table"))
        #expect(indonesian.contains("Belum ada tagihan.") && indonesian.contains("<h1>Tagihan</h1>"))
    }

    @Test func paidInvoiceDetailShowsWhenItWasPaidAndItsReceipt() {
        let html = rendered(
            PortalInvoicePage(chrome: chrome(), frame: frame(.invoices), invoice: invoice(paid(), detail: false)))
        #expect(html.contains("<h1>Invoice \(Self.number)</h1>"))
        #expect(html.contains("1 December 2026 06:30 WIB"))
        #expect(html.contains("href=\"\(Paths.Portal.receipt(Self.number))\""))
        #expect(!html.contains("Pay now"))
        #expect(!html.contains(">Details</a>"))
        let indonesian = rendered(
            PortalInvoicePage(chrome: chrome(.id), frame: frame(.invoices), invoice: invoice(paid(.id), language: .id, detail: false)))
        #expect(indonesian.contains("<h1>Tagihan \(Self.number)</h1>"))
        #expect(indonesian.contains("1 Desember 2026 06:30 WIB") && indonesian.contains(">Bukti bayar</a>"))
    }

    // MARK: Payments and receipts

    @Test func paymentHistoryShowsEachPaymentWithItsReceipt() {
        let rows = [
            PortalPaymentsView.Row(
                date: "1 December 2026 06:30 WIB", invoiceNumber: Self.number, period: "November 2026",
                amount: Rupiah.format(150_000), method: "Midtrans", receiptURL: Paths.Portal.receipt(Self.number)),
            PortalPaymentsView.Row(
                date: "2 November 2026 10:00 WIB", invoiceNumber: "INV-2026-10-0003", period: "October 2026",
                amount: Rupiah.format(150_000), method: "<b>Counter</b>", receiptURL: nil),
        ]
        let html = rendered(PortalPaymentsPage(chrome: chrome(), view: PortalPaymentsView(frame: frame(.payments), rows: rows)))
        #expect(html.contains("<h1>Payment history</h1>"))
        #expect(html.contains("<a href=\"\(Paths.Portal.receipt(Self.number))\">\(Self.number)</a>"))
        #expect(html.contains(">INV-2026-10-0003</td>"))
        #expect(html.contains("&lt;b&gt;Counter&lt;/b&gt;"))
        #expect(html.contains("href=\"\(Paths.Portal.payments)\" aria-current=\"page\""))
    }

    @Test func emptyPaymentHistorySaysSoInBothLanguages() {
        let english = rendered(PortalPaymentsPage(chrome: chrome(), view: PortalPaymentsView(frame: frame(.payments), rows: [])))
        let indonesian = rendered(
            PortalPaymentsPage(chrome: chrome(.id), view: PortalPaymentsView(frame: frame(.payments), rows: [])))
        #expect(english.contains("No payments yet."))
        #expect(indonesian.contains("Belum ada pembayaran.") && indonesian.contains("Riwayat pembayaran"))
    }

    @Test func receiptNamesIssuerCustomerAmountAndPaymentTime() {
        let html = rendered(
            PortalReceiptPage(chrome: chrome(), frame: frame(.payments), receipt: receipt(customer: Self.hostile)))
        #expect(html.contains("Payment receipt"))
        #expect(html.contains("<strong>R-\(Self.number)</strong>"))
        #expect(html.contains("<strong>Net &amp; Co</strong><br>Jl. Merdeka 1, Bandung<br>0812 3456 7890 · halo@net.id"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Budi\" (C-1001)"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("Rp 150.000") && html.contains("1 December 2026 06:30 WIB") && html.contains("Midtrans"))
        #expect(html.contains("Print this page or save it as PDF"))
    }

    // MARK: Pay link

    @Test func payLinkOffersTheInvoiceWithAButtonBackToTheLink() {
        let link = Paths.payLink("tok-abc")
        let summary = PortalInvoiceSummary(
            number: Self.number, period: "November 2026", amount: Rupiah.format(150_000), dueDate: "1 December 2026",
            state: .unpaid(overdue: false), detailURL: nil, payURL: link, receiptURL: nil)
        let view = PortalPayLinkView(customerName: Self.hostile, content: .payable(summary, csrfToken: "anon-csrf"))
        let html = rendered(PortalPayLinkPage(chrome: chrome(), view: view))
        #expect(html.contains("<h1>Internet invoice</h1>"))
        #expect(html.contains("Invoice for &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Budi\""))
        #expect(html.contains("action=\"\(link)\""))
        #expect(html.contains("name=\"_csrf\" value=\"anon-csrf\""))
        #expect(!html.contains(Paths.Portal.invoice(Self.number)))
        #expect(!html.contains(Paths.Portal.logout))
    }

    @Test func paidPayLinkShowsTheReceiptInIndonesian() {
        let view = PortalPayLinkView(customerName: "Budi", content: .receipt(receipt()))
        let html = rendered(PortalPayLinkPage(chrome: chrome(.id), view: view))
        #expect(html.contains("Bukti pembayaran") && html.contains("Diterbitkan oleh"))
        #expect(html.contains("<span class=\"badge paid\">Lunas</span>"))
        #expect(!html.contains("Bayar sekarang"))
    }
}
