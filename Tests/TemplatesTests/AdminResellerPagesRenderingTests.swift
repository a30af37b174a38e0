import Foundation
import Testing

@testable import Templates

/// Resellers and the printed voucher batches they sell (the lists, one reseller, its form, the cards to
/// print), rendered from view models built as their controllers build them.
@Suite struct AdminResellerPagesRenderingTests {
    private typealias Admin = AdminPageRendering

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    private let resellerID = UUID()
    private let batchID = UUID()

    @Test func resellersListShowsWhatEachOwesAndItsState() {
        let words = Language.en.adminResellerStrings
        let view = AdminResellersView(
            entries: [
                .init(
                    name: Admin.typed, terms: words.commissionSummary(10), taken: 200, used: 37, balance: Rupiah.format(166_500),
                    isActive: true, path: Paths.Admin.reseller(resellerID)),
                .init(
                    name: "Warung Sari", terms: words.priceSummary(Rupiah.format(4_000)), taken: 50, used: 50,
                    balance: words.credit(Rupiah.format(3_000)), isActive: false, path: Paths.Admin.reseller(UUID())),
            ], newPath: Paths.Admin.newReseller, csrfToken: "csrf-resellers", saved: true)
        let html = rendered(AdminResellersPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"resellers-heading\">Resellers</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-resellers", current: Paths.Admin.resellers))
        #expect(html.contains("Changes saved."))
        #expect(html.contains(Admin.link(Paths.Admin.newReseller) + ">Add a reseller</a>"))
        #expect(html.contains(Admin.link(Paths.Admin.reseller(resellerID)) + ">\(Admin.typedAsText)</a>"))
        #expect(html.contains(">10% commission<") && html.contains(">Rp 4.000 per card<"))
        #expect(html.contains(">200</td>") && html.contains(">37</td>"))
        #expect(html.contains(">Rp 166.500</td>") && html.contains(">Credit Rp 3.000</td>"))
        #expect(html.contains("<span class=\"badge good\">Active</span>") && html.contains("<span class=\"badge bad\">Inactive</span>"))
        #expect(Admin.escapesTyped(html))
    }

    @Test func resellersListEmptyInIndonesian() {
        let view = AdminResellersView(entries: [], newPath: Paths.Admin.newReseller, csrfToken: "c", saved: false)
        let html = rendered(AdminResellersPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("<h1 id=\"resellers-heading\">Reseller</h1>"))
        #expect(html.contains("Belum ada reseller.") && html.contains(">Tambah reseller</a>"))
        #expect(!html.contains("<table"))
    }

    private func resellerView(_ language: Language, whatsApp: String?, settlementState: FormState, batches: Bool) -> AdminResellerView {
        let words = language.adminResellerStrings
        return AdminResellerView(
            name: Admin.typed, whatsApp: whatsApp, terms: words.commissionSummary(10), isActive: true,
            figures: [
                SummaryLine(label: words.columnTaken, value: "200"),
                SummaryLine(label: words.columnDue, value: Rupiah.format(166_500)),
                SummaryLine(label: words.columnOwes, value: Rupiah.format(66_500)),
            ],
            batches: batches
                ? [
                    .init(
                        created: Admin.times.day(Admin.evening), packageName: "Harian", quantity: 200, used: 37,
                        cardPrice: Rupiah.format(4_500), printPath: Paths.Admin.printVoucherBatch(batchID))
                ] : [],
            settlements: batches
                ? [
                    .init(
                        day: Admin.times.day(Admin.evening), amount: Rupiah.format(100_000), method: words.methodCash,
                        note: "<i>kwitansi</i>", recordedBy: "admin@net.example")
                ] : [],
            settlementState: settlementState, settlementPath: Paths.Admin.resellerSettlements(resellerID),
            editPath: Paths.Admin.editReseller(resellerID), csrfToken: "csrf-reseller", notice: nil)
    }

    @Test func resellerShowsFiguresBatchesSettlementsAndTheRefusedSettlement() {
        typealias Field = AdminResellerView.SettlementField
        let words = Language.en.adminResellerStrings
        let state = FormState(
            values: [Field.amount: "abc", Field.day: "2026-11-23", Field.method: "bank_transfer"],
            errors: [Field.amount: words.errorAmount])
        let html = rendered(
            AdminResellerPage(
                chrome: PageRendering.chrome(), view: resellerView(.en, whatsApp: "0812-3456-7890", settlementState: state, batches: true)))
        #expect(html.contains("<h1 id=\"reseller-heading\">\(Admin.typedAsText)</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-reseller", current: Paths.Admin.resellers))
        #expect(html.contains("<title>\(Admin.typedAsText)"))
        #expect(html.contains("10% commission · 0812-3456-7890 · <span class=\"badge good\">Active</span>"))
        #expect(html.contains("<dt>Owes</dt><dd>Rp 66.500</dd>"))
        #expect(html.contains(Admin.link(Paths.Admin.editReseller(resellerID)) + ">Edit</a>"))
        #expect(html.contains(Admin.link(Paths.Admin.printVoucherBatch(batchID)) + ">23 November 2026</a>"))
        #expect(html.contains(">Rp 4.500</td>") && html.contains(">Rp 100.000</td>"))
        #expect(html.contains("&lt;i&gt;kwitansi&lt;/i&gt;") && html.contains("admin@net.example"))
        #expect(html.contains("action=\"\(Paths.Admin.resellerSettlements(resellerID))\""))
        #expect(Admin.fieldKeeps(html, Field.amount, "abc"))
        #expect(Admin.fieldShowsError(html, Field.amount, words.errorAmount))
        #expect(Admin.fieldKeeps(html, Field.day, "2026-11-23"))
        #expect(html.contains("<option value=\"bank_transfer\" selected>Bank transfer</option>"))
        #expect(Admin.escapesTyped(html))
    }

    @Test func resellerWithoutWhatsAppOrHistoryInIndonesian() {
        let html = rendered(
            AdminResellerPage(
                chrome: PageRendering.chrome(.id), view: resellerView(.id, whatsApp: nil, settlementState: FormState(), batches: false)))
        let words = Language.id.adminResellerStrings
        #expect(html.contains(words.noWhatsApp))
        #expect(html.contains(words.batchesEmpty) && html.contains(words.settlementsEmpty))
        #expect(html.contains(words.commissionSummary(10)) && html.contains(words.recordHeading))
        #expect(!html.contains("form-alert"))
    }

    @Test func resellerFormKeepsTypedValuesAndShowsProblems() {
        typealias Field = AdminResellerFormView.Field
        let words = Language.en.adminResellerStrings
        let state = FormState(
            values: [Field.name: Admin.typed, Field.whatsApp: "12", Field.terms: "price", Field.cardPrice: "4.000", Field.active: "on"],
            errors: [Field.whatsApp: words.errorWhatsApp])
        let view = AdminResellerFormView(isNew: false, state: state, formPath: Paths.Admin.editReseller(resellerID), csrfToken: "csrf-rf")
        let html = rendered(AdminResellerFormPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"reseller-form-heading\">Edit reseller</h1>") && html.contains(">Save</button>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-rf", current: Paths.Admin.resellers))
        #expect(html.contains("action=\"\(Paths.Admin.editReseller(resellerID))\""))
        #expect(Admin.fieldKeeps(html, Field.name, Admin.typedAsAttribute))
        #expect(Admin.fieldShowsError(html, Field.whatsApp, words.errorWhatsApp))
        #expect(html.contains("<option value=\"price\" selected>A fixed price per card</option>"))
        #expect(Admin.fieldKeeps(html, Field.cardPrice, "4.000"))
        #expect(!html.contains("<script>alert(1)"))
        let new = rendered(
            AdminResellerFormPage(
                chrome: PageRendering.chrome(.id),
                view: AdminResellerFormView(isNew: true, state: FormState(), formPath: Paths.Admin.newReseller, csrfToken: "c")))
        #expect(new.contains(">Tambah reseller</h1>") && new.contains("action=\"\(Paths.Admin.newReseller)\""))
    }

    private func vouchersView(_ language: Language, entries: [AdminVouchersView.Entry], state: FormState, alert: String?)
        -> AdminVouchersView
    {
        AdminVouchersView(
            entries: entries, packages: [.init(value: "p1", label: "Harian · Rp 5.000"), .init(value: "p2", label: "Mingguan")],
            resellers: [.init(value: resellerID.uuidString.lowercased(), label: Admin.typed)], state: state,
            formPath: Paths.Admin.vouchers, csrfToken: "csrf-v", notice: nil, alert: alert)
    }

    @Test func vouchersListBatchesWithTheirLinksAndKeepsTheGenerateForm() {
        typealias Field = AdminVouchersView.Field
        let words = Language.en.adminVoucherStrings
        let entry = AdminVouchersView.Entry(
            created: Admin.times.dayAndTime(Admin.evening), packageName: "Harian", reseller: Admin.typed,
            resellerPath: Paths.Admin.reseller(resellerID), quantity: 200, used: 37, isDisabled: true,
            printPath: Paths.Admin.printVoucherBatch(batchID), csvPath: Paths.Admin.exportVoucherBatch(batchID),
            togglePath: Paths.Admin.voucherBatch(batchID, action: "enable"), deletePath: Paths.Admin.voucherBatch(batchID, action: "delete")
        )
        let state = FormState(
            values: [Field.package: "p2", Field.quantity: "9999", Field.prefix: "A B", Field.reseller: resellerID.uuidString.lowercased()],
            errors: [Field.quantity: words.errorQuantity, Field.prefix: words.errorPrefix])
        let html = rendered(
            AdminVouchersPage(
                chrome: PageRendering.chrome(), view: vouchersView(.en, entries: [entry], state: state, alert: words.deleteRefusedInUse)))
        #expect(html.contains("<h1 id=\"vouchers-heading\">Printed vouchers</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-v", current: Paths.Admin.vouchers))
        #expect(html.contains("<p class=\"form-alert\" role=\"alert\">\(words.deleteRefusedInUse)</p>"))
        #expect(html.contains(Admin.link(Paths.Admin.reseller(resellerID)) + ">\(Admin.typedAsText)</a>"))
        #expect(html.contains("<span class=\"badge bad\">Disabled</span>") && html.contains(">Enable</button>"))
        #expect(html.contains(Admin.link(Paths.Admin.printVoucherBatch(batchID)) + ">Print</a>"))
        #expect(html.contains(Admin.link(Paths.Admin.exportVoucherBatch(batchID)) + ">CSV</a>"))
        #expect(html.contains("action=\"\(Paths.Admin.voucherBatch(batchID, action: "delete"))\""))
        #expect(Admin.fieldShowsError(html, Field.quantity, "Enter a number of codes from 1 to 5,000."))
        #expect(Admin.fieldKeeps(html, Field.quantity, "9999") && Admin.fieldKeeps(html, Field.prefix, "A B"))
        #expect(Admin.fieldShowsError(html, Field.prefix, words.errorPrefix))
        #expect(html.contains("<option value=\"p2\" selected>Mingguan</option>"))
        #expect(html.contains("<option value=\"\(resellerID.uuidString.lowercased())\" selected>\(Admin.typedAsText)</option>"))
        #expect(Admin.escapesTyped(html))
    }

    @Test func vouchersEmptyInIndonesian() {
        let html = rendered(
            AdminVouchersPage(chrome: PageRendering.chrome(.id), view: vouchersView(.id, entries: [], state: FormState(), alert: nil)))
        #expect(html.contains("<h1 id=\"vouchers-heading\">Voucher cetak</h1>") && html.contains("Belum ada batch."))
        #expect(!html.contains("<table") && !html.contains("form-alert"))
    }

    @Test func voucherCardsFillSheetsOfTheChosenSizeInTheTenantsBrand() {
        let cards = (1...7).map { VoucherCardsView.Card(code: "K\($0)X<", password: $0 == 1 ? "p&1" : nil) }
        let view = VoucherCardsView(
            tenantName: Admin.typed, packageName: "Harian", price: Rupiah.format(5_000), validity: "1 day",
            loginURL: "http://login.net", cards: cards, perPage: 3,
            perPageLinks: [
                .init(count: 3, href: Paths.Admin.printVoucherBatch(batchID, perPage: 3), isCurrent: true),
                .init(count: 10, href: Paths.Admin.printVoucherBatch(batchID, perPage: 10), isCurrent: false),
            ], backPath: Paths.Admin.vouchers)
        let html = rendered(VoucherCardsPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"print-heading\">Print vouchers: Harian</h1>"))
        #expect(html.components(separatedBy: "<div class=\"voucher-sheet per-3\">").count == 4)
        #expect(html.components(separatedBy: "<div class=\"voucher-card\">").count == 8)
        #expect(html.contains("Harian · Rp 5.000 · 1 day"))
        #expect(html.contains(">User K1X&lt;</div>") && html.contains(">Password p&amp;1</div>"))
        #expect(html.contains("<div class=\"voucher-code\">K7X&lt;</div>"))
        #expect(html.contains("Log in at http://login.net"))
        #expect(
            html.contains("<strong>3</strong>")
                && html.contains(Admin.link(Paths.Admin.printVoucherBatch(batchID, perPage: 10)) + ">10</a>"))
        #expect(html.contains(Admin.link(Paths.Admin.vouchers) + ">Printed vouchers</a>"))
        #expect(Admin.escapesTyped(html))
        let indonesian = rendered(VoucherCardsPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(indonesian.contains("Cetak voucher: Harian") && indonesian.contains("Kartu per halaman"))
    }
}
