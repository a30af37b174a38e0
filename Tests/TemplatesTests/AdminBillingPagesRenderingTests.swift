import Foundation
import Testing

@testable import Templates

/// Billing in the back office (the invoice list, one invoice with its counter and pay-link sections, the
/// billing settings) and the isolation page a late subscriber's router sends them to.
@Suite struct AdminBillingPagesRenderingTests {
    private typealias Admin = AdminPageRendering

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    private let number = "INV-2026-11-0007"

    private func invoiceRow(_ language: Language, customer: String, overdue: Bool) -> AdminInvoiceRow {
        let strings = language.strings
        return AdminInvoiceRow(
            number: number, detailURL: Paths.Admin.invoice(number), customer: customer + " · PLG-0042",
            period: "November 2026", amount: Rupiah.format(150_000), dueDate: Admin.times.day(Admin.evening),
            status: overdue
                ? AdminSalesBadge(strings.invoiceOverdue, tone: .bad) : AdminSalesBadge(strings.invoiceUnpaid, tone: .waiting))
    }

    private func invoicesView(_ language: Language, rows: [AdminInvoiceRow], status: String, nextURL: String?)
        -> AdminInvoicesView
    {
        let strings = language.strings
        let search = AdminSalesSearch(
            path: Paths.Admin.invoices, query: "", status: status,
            statuses: [
                .init(value: "unpaid", label: strings.invoiceUnpaid), .init(value: "overdue", label: strings.invoiceOverdue),
            ])
        let pager = AdminSalesPager(page: 1, lastPage: nextURL == nil ? 1 : 2, totalCount: rows.count, previousURL: nil, nextURL: nextURL)
        return AdminInvoicesView(rows: rows, search: search, pager: pager, csrfToken: "csrf-invoices")
    }

    @Test func invoicesListShowsAmountsDueDatesAndStatusWithThePager() {
        let next = Paths.Admin.invoices(status: "overdue") + "&page=2"
        let view = invoicesView(.en, rows: [invoiceRow(.en, customer: Admin.typed, overdue: true)], status: "overdue", nextURL: next)
        let html = rendered(AdminInvoicesPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"invoices-heading\">Invoices</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-invoices", current: Paths.Admin.invoices))
        #expect(html.contains(Admin.link(Paths.Admin.invoice(number)) + ">\(number)</a>"))
        #expect(html.contains("Rp 150.000") && html.contains("23 November 2026") && html.contains("November 2026"))
        #expect(html.contains("<span class=\"badge bad\">Overdue</span>"))
        #expect(Admin.escapesTyped(html))
        #expect(html.contains("<option value=\"overdue\" selected>Overdue</option>"))
        #expect(html.contains(Admin.link(next) + " rel=\"next\">Next page</a>"))
        #expect(html.contains("Page 1 of 2 · 1 invoice"))
    }

    @Test func invoicesListEmptyInIndonesian() {
        let html = rendered(
            AdminInvoicesPage(chrome: PageRendering.chrome(.id), view: invoicesView(.id, rows: [], status: "", nextURL: nil)))
        #expect(html.contains("<h1 id=\"invoices-heading\">Tagihan</h1>"))
        #expect(html.contains("Tidak ada tagihan yang cocok.") && html.contains("0 tagihan"))
        #expect(!html.contains("class=\"button secondary\" " + Admin.link(Paths.Admin.invoices)) && !html.contains("rel=\"next\""))
    }

    private func invoiceView(_ language: Language, settlement: InvoiceSettlementView?, payLink: AdminInvoicePayLinkView?)
        -> AdminInvoiceView
    {
        let strings = language.strings
        let sales = language.adminSalesStrings
        var view = AdminInvoiceView(
            number: number, status: AdminSalesBadge(strings.invoiceUnpaid, tone: .waiting),
            invoice: [
                SummaryLine(label: strings.labelPeriod, value: "November 2026"),
                SummaryLine(label: strings.labelAmount, value: Rupiah.format(150_000)),
                SummaryLine(label: strings.labelDueDate, value: Admin.times.day(Admin.evening)),
            ],
            customer: [
                SummaryLine(label: sales.labelName, value: Admin.typed),
                SummaryLine(label: strings.labelCustomerNumber, value: "PLG-0042"),
            ],
            payments: [
                .init(
                    date: Admin.times.dayAndTime(Admin.evening), method: language.settlementStrings.methodCash,
                    reference: "kwitansi 12", amount: Rupiah.format(50_000), status: AdminSalesBadge(sales.paymentPaid, tone: .good))
            ], csrfToken: "csrf-invoice")
        view.settlement = settlement
        view.payLink = payLink
        return view
    }

    @Test func invoiceShowsCustomerPaymentsAndTheCounterFormWithItsProblem() {
        typealias Field = InvoiceSettlementView.Field
        let settlement = InvoiceSettlementView(
            paidSoFar: Rupiah.format(50_000), stillOwed: Rupiah.format(100_000), paymentPath: Paths.Admin.invoicePayments(number),
            voidPath: nil, voided: [],
            payment: FormState(
                values: [Field.amount: "200.000", Field.method: "bank_transfer", Field.reference: Admin.typed],
                errors: [Field.amount: "That is more than is owed: at most Rp 100.000."]),
            void: FormState(), notice: nil, problem: nil, csrfToken: "csrf-invoice")
        let html = rendered(AdminInvoicePage(chrome: PageRendering.chrome(), view: invoiceView(.en, settlement: settlement, payLink: nil)))
        #expect(html.contains("<h1 id=\"invoice-heading\">Invoice \(number)</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-invoice", current: Paths.Admin.invoices))
        #expect(html.contains(Admin.link(Paths.Admin.invoices) + ">All invoices</a>"))
        #expect(html.contains("<span class=\"badge waiting\">Unpaid</span>"))
        #expect(html.contains("<dd>Rp 150.000</dd>") && html.contains("<dd>23 November 2026</dd>"))
        #expect(html.contains("Rp 50.000") && html.contains("kwitansi 12") && html.contains(">Cash<"))
        #expect(html.contains("<dt>Paid so far</dt><dd>Rp 50.000</dd><dt>Still owed</dt><dd>Rp 100.000</dd>"))
        #expect(html.contains("action=\"\(Paths.Admin.invoicePayments(number))\""))
        #expect(!html.contains(Paths.Admin.voidInvoice(number)))
        #expect(Admin.fieldKeeps(html, Field.amount, "200.000"))
        #expect(Admin.fieldShowsError(html, Field.amount, "That is more than is owed: at most Rp 100.000."))
        #expect(Admin.fieldKeeps(html, Field.reference, Admin.typedAsAttribute))
        #expect(html.contains("<option value=\"bank_transfer\" selected>Bank transfer</option>"))
        #expect(Admin.escapesTyped(html))
    }

    @Test func unpaidInvoiceWithoutPaymentsOffersVoidAndAFreshPayLink() {
        let settlement = InvoiceSettlementView(
            paidSoFar: Rupiah.format(0), stillOwed: Rupiah.format(150_000), paymentPath: Paths.Admin.invoicePayments(number),
            voidPath: Paths.Admin.voidInvoice(number), voided: [], payment: FormState(), void: FormState(),
            notice: nil, problem: "This invoice is already paid or void: nothing more can be recorded.", csrfToken: "c")
        let link = "https://net.example.id" + Paths.payLink("tok&<x>")
        let payLink = AdminInvoicePayLinkView(
            isOpen: true, hasWhatsApp: false, reissuePath: Paths.Admin.invoicePayLink(number),
            resendPath: Paths.Admin.sendInvoicePayLink(number), newLink: link, notice: nil, sent: [], csrfToken: "c")
        let html = rendered(
            AdminInvoicePage(chrome: PageRendering.chrome(), view: invoiceView(.en, settlement: settlement, payLink: payLink)))
        #expect(html.contains("<dd>Rp 0</dd>"))
        #expect(html.contains("action=\"\(Paths.Admin.voidInvoice(number))\"") && html.contains(">Void invoice</button>"))
        #expect(html.contains("<p class=\"form-alert\" role=\"alert\">This invoice is already paid or void"))
        #expect(html.contains("action=\"\(Paths.Admin.invoicePayLink(number))\""))
        #expect(!html.contains(Paths.Admin.sendInvoicePayLink(number)))
        #expect(html.contains(Language.en.billingStrings.noWhatsAppNumber))
        #expect(html.contains(Language.en.billingStrings.noMessagesSent))
        #expect(html.contains(Admin.link(link) + ">https://net.example.id/pay/tok%26%3Cx%3E</a>"))
    }

    @Test func invoiceInIndonesianWithoutPayments() {
        let full = invoiceView(.id, settlement: nil, payLink: nil)
        let view = AdminInvoiceView(
            number: full.number, status: full.status, invoice: full.invoice, customer: full.customer, payments: [],
            csrfToken: "c")
        let html = rendered(AdminInvoicePage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("Tagihan \(number)"))
        #expect(html.contains(Language.id.adminSalesStrings.noPayments))
        #expect(html.contains("<span class=\"badge waiting\">Belum dibayar</span>"))
        #expect(!html.contains("admin-settlement"))
    }

    @Test func billingSettingsKeepTypedValuesAndShowProblemsAtTheirFields() {
        typealias Field = AdminBillingView.Field
        let state = FormState(
            values: [Field.timeZone: "Asia/Makassar", Field.prorate: "on", Field.dueDays: "99", Field.graceDays: "3<b>"],
            errors: [
                Field.dueDays: Language.en.billingStrings.errorDueDays, Field.graceDays: Language.en.billingStrings.errorGraceDays,
            ])
        let html = rendered(
            AdminBillingPage(chrome: PageRendering.chrome(), view: AdminBillingView(state: state, saved: false, csrfToken: "csrf-b")))
        #expect(html.contains("<h1 id=\"billing-heading\">Billing</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-b", current: Paths.Admin.billing))
        #expect(html.contains(Admin.link(Paths.Admin.billingMessages) + ">Billing messages</a>"))
        #expect(html.contains("action=\"\(Paths.Admin.billing)\""))
        #expect(html.contains("<option value=\"Asia/Makassar\" selected>Central Indonesia (WITA, Asia/Makassar)</option>"))
        #expect(Admin.fieldKeeps(html, Field.dueDays, "99"))
        #expect(Admin.fieldKeeps(html, Field.graceDays, "3&lt;b&gt;"))
        #expect(Admin.fieldShowsError(html, Field.dueDays, "Enter a whole number of days from 0 to 60."))
        #expect(Admin.fieldShowsError(html, Field.graceDays, "Enter a whole number of days from 0 to 90."))
        #expect(!Admin.fieldShowsError(html, Field.reminderDays, "Enter a whole number of days from 0 to 30."))
        #expect(!html.contains("form-notice"))
    }

    @Test func billingSettingsSavedInIndonesian() {
        let state = FormState(values: [AdminBillingView.Field.timeZone: "Asia/Jakarta", AdminBillingView.Field.dueDays: "7"])
        let html = rendered(
            AdminBillingPage(chrome: PageRendering.chrome(.id), view: AdminBillingView(state: state, saved: true, csrfToken: "c")))
        #expect(html.contains("<h1 id=\"billing-heading\">Penagihan</h1>"))
        #expect(html.contains("Perubahan tersimpan."))
        #expect(Admin.fieldKeeps(html, AdminBillingView.Field.dueDays, "7"))
        #expect(!html.contains("form-alert"))
    }

    @Test func isolationGreetsTheSubscriberEscapedWithAPayButtonPerOpenInvoice() {
        let invoice = PortalInvoiceSummary(
            number: number, period: "November 2026", amount: Rupiah.format(150_000), dueDate: Admin.times.day(Admin.evening),
            state: .unpaid(overdue: true), detailURL: nil, payURL: Paths.Isolated.payInvoice(number), receiptURL: nil)
        let view = IsolationView(content: .subscriber(name: Admin.typed, invoices: [invoice], csrfToken: "csrf-iso"))
        let html = rendered(IsolationPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"isolated-heading\">Your internet is paused</h1>"))
        #expect(html.contains("Hello \(Admin.typedAsText), your connection is limited"))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("Rp 150.000") && html.contains("23 November 2026"))
        #expect(html.contains("action=\"\(Paths.Isolated.payInvoice(number))\"") && html.contains(">Pay now</button>"))
        #expect(html.contains("value=\"csrf-iso\""))
        #expect(!html.contains("admin-nav"))
    }

    @Test func isolationWithNothingOpenAndForAnUnknownConnectionInIndonesian() {
        let nothing = rendered(
            IsolationPage(
                chrome: PageRendering.chrome(.id), view: IsolationView(content: .subscriber(name: "Budi", invoices: [], csrfToken: "c"))))
        #expect(nothing.contains("Internet Anda dijeda"))
        #expect(nothing.contains("Tidak ada tagihan terbuka."))
        let unknown = rendered(
            IsolationPage(chrome: PageRendering.chrome(.id), view: IsolationView(content: .unknown(portalLoginURL: Paths.Portal.login))))
        #expect(unknown.contains("<h1 id=\"isolated-heading\">Bayar tagihan Anda</h1>"))
        #expect(unknown.contains(Admin.link(Paths.Portal.login)) && unknown.contains("Masuk ke portal pelanggan"))
    }

    @Test func billingMessagesShowABoxPerMessageAndLanguageKeepingTheTypedText() {
        typealias Field = AdminBillingMessagesView.Field
        let words = Language.en.billingStrings
        let issued = Field.text(.issued, .id)
        let state = FormState(values: [issued: "Halo {{name}} <b>\"x\"</b>"], errors: [issued: words.errorMessageNeedsLink])
        let html = rendered(
            AdminBillingMessagesPage(
                chrome: PageRendering.chrome(), view: AdminBillingMessagesView(state: state, saved: false, csrfToken: "csrf-m")))
        #expect(html.contains("<h1 id=\"messages-heading\">Billing messages</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-m", current: Paths.Admin.billing))
        #expect(html.contains(Admin.link(Paths.Admin.billing) + ">Billing</a>"))
        #expect(html.components(separatedBy: "class=\"markdown-input\"").count == 9)
        #expect(html.contains(">New invoice (Indonesian)</label>") && html.contains(">After isolation (English)</label>"))
        #expect(html.contains("Halo {{name}} &lt;b&gt;\"x\"&lt;/b&gt;</textarea>"))
        #expect(Admin.fieldShowsError(html, issued, words.errorMessageNeedsLink))
        #expect(!Admin.fieldShowsError(html, Field.text(.issued, .en), words.errorMessageNeedsLink))
    }
}
