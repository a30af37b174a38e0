import Foundation
import Testing

@testable import Templates

/// The store's back office (orders, one order, voucher profiles and a profile's form), rendered straight
/// from view models built as their controllers build them: what the ISP's admin would see.
@Suite struct AdminStorePagesRenderingTests {
    private typealias Admin = AdminPageRendering

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    private func ordersView(
        _ language: Language, rows: [AdminOrderRow], query: String = "", page: Int = 1, lastPage: Int = 1,
        totalCount: Int? = nil
    ) -> AdminOrdersView {
        let sales = language.adminSalesStrings
        let search = AdminSalesSearch(
            path: Paths.Admin.orders, query: query, status: "paid",
            statuses: [.init(value: "pending", label: sales.orderPending), .init(value: "paid", label: sales.orderPaid)])
        let base = Paths.Admin.orders + "?q=" + PathSegment.encode(query) + "&status=paid"
        let pager = AdminSalesPager(
            page: page, lastPage: lastPage, totalCount: totalCount ?? rows.count,
            previousURL: page > 1 ? base + "&page=\(page - 1)" : nil,
            nextURL: page < lastPage ? base + "&page=\(page + 1)" : nil)
        return AdminOrdersView(rows: rows, search: search, pager: pager, csrfToken: "csrf-orders")
    }

    private func orderRow(_ number: String, package: String, status: AdminSalesBadge) -> AdminOrderRow {
        AdminOrderRow(
            number: number, detailURL: Paths.Admin.order(number), createdAt: Admin.times.dayAndTime(Admin.evening),
            buyerPhone: "6281234567890", package: package, amount: Rupiah.format(150_000), status: status)
    }

    @Test func ordersListLinksEachOrderAndPagesKeepTheSearch() {
        let sales = Language.en.adminSalesStrings
        let rows = [
            orderRow("EV-2026-0042", package: "3 × " + Admin.typed, status: AdminSalesBadge(sales.orderPaid, tone: .good)),
            orderRow("EV-2026-0041", package: "1 × Harian", status: AdminSalesBadge(sales.orderPaid, tone: .good)),
        ]
        let view = ordersView(.en, rows: rows, query: "0812 & co", page: 2, lastPage: 5, totalCount: 112)
        let html = rendered(AdminOrdersPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"orders-heading\">Orders</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-orders", current: Paths.Admin.orders))
        #expect(!Admin.hasAdminMenu(html, csrfToken: "csrf-orders", current: Paths.Admin.invoices))
        #expect(html.contains(Admin.link(Paths.Admin.order("EV-2026-0042")) + ">EV-2026-0042</a>"))
        #expect(html.contains("Rp 150.000"))
        #expect(html.contains("23 November 2026 19:05 WIB"))
        #expect(html.contains("<span class=\"badge good\">Paid</span>"))
        #expect(Admin.escapesTyped(html))
        #expect(html.contains("Page 2 of 5 · 112 orders"))
        #expect(html.contains(Admin.link(Paths.Admin.orders + "?q=0812%20%26%20co&status=paid&page=1")))
        #expect(html.contains(Admin.link(Paths.Admin.orders + "?q=0812%20%26%20co&status=paid&page=3")))
        // The search box shows the search, escaped, and the filter keeps its choice.
        #expect(Admin.fieldKeeps(html, AdminSalesSearch.Field.query, "0812 &amp; co"))
        #expect(html.contains("<option value=\"paid\" selected>Paid</option>"))
        #expect(html.contains(">Clear</a>"))
    }

    @Test func ordersListSaysWhenNothingMatchesInIndonesian() {
        let html = rendered(AdminOrdersPage(chrome: PageRendering.chrome(.id), view: ordersView(.id, rows: [])))
        #expect(html.contains("<h1 id=\"orders-heading\">Pesanan</h1>"))
        #expect(html.contains("Tidak ada pesanan yang cocok."))
        #expect(html.contains("Halaman 1 dari 1 · 0 pesanan"))
        #expect(!html.contains("rel=\"next\"") && !html.contains("rel=\"prev\""))
        #expect(!html.contains("<table"))
    }

    private func orderView(_ language: Language, messages: [AdminOrderView.Message], resendState: FormState, resent: Bool)
        -> AdminOrderView
    {
        let sales = language.adminSalesStrings
        let strings = language.strings
        return AdminOrderView(
            number: "EV-2026-0042", status: AdminSalesBadge(sales.orderPaid, tone: .good),
            buyer: [
                SummaryLine(label: sales.labelName, value: Admin.typed),
                SummaryLine(label: sales.labelPhone, value: "6281234567890"),
            ],
            package: [
                SummaryLine(label: strings.labelPackage, value: "Mingguan"),
                SummaryLine(label: strings.labelTotal, value: Rupiah.format(150_000)),
            ],
            payment: [SummaryLine(label: strings.labelPaidAt, value: Admin.times.dayAndTime(Admin.evening))],
            voucherCodes: ["KX7PQ2", "M4RT9Z"],
            webhookEvents: [
                .init(
                    receivedAt: Admin.times.dayAndTime(Admin.evening), provider: "Midtrans",
                    outcome: AdminSalesBadge(sales.outcomeRejected, tone: .bad), detail: "bad signature")
            ],
            messages: messages, resendState: resendState, resent: resent, csrfToken: "csrf-order")
    }

    @Test func orderShowsBuyerCodesDeliveriesAndTheResendFormWithItsProblem() {
        let sales = Language.en.adminSalesStrings
        let message = AdminOrderView.Message(
            queuedAt: Admin.times.dayAndTime(Admin.evening), recipient: "6281234567890",
            status: AdminSalesBadge(sales.messageGivenUp, tone: .bad), attempts: "5", detail: "device offline")
        let state = FormState(
            values: [AdminOrderView.Field.phone: "08x<1>"], errors: [AdminOrderView.Field.phone: "Enter a WhatsApp number."])
        var view = orderView(.en, messages: [message], resendState: state, resent: false)
        view.voucherStates = ["KX7PQ2": "Expired"]
        let html = rendered(AdminOrderPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"order-heading\">Order EV-2026-0042</h1>"))
        #expect(html.contains(Admin.link(Paths.Admin.orders) + ">All orders</a>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-order", current: Paths.Admin.orders))
        #expect(Admin.escapesTyped(html))
        #expect(html.contains("<dd>Rp 150.000</dd>"))
        #expect(html.contains("<code>KX7PQ2</code> <span class=\"code-state\">Expired</span>"))
        #expect(html.contains("<code>M4RT9Z</code></li>"))
        #expect(html.contains("<span class=\"badge bad\">Rejected</span>") && html.contains("bad signature"))
        #expect(html.contains("<span class=\"badge bad\">Given up</span>") && html.contains("device offline"))
        #expect(html.contains("action=\"\(Paths.Admin.orderMessages("EV-2026-0042"))\""))
        #expect(Admin.fieldKeeps(html, AdminOrderView.Field.phone, "08x&lt;1&gt;"))
        #expect(Admin.fieldShowsError(html, AdminOrderView.Field.phone, "Enter a WhatsApp number."))
        #expect(html.contains("Please correct the marked fields below."))
        #expect(!html.contains(sales.resendQueued))
    }

    @Test func orderWithoutCodesOrMessagesHasNoResendFormAndSaysSoInIndonesian() {
        let full = orderView(.id, messages: [], resendState: FormState(), resent: false)
        let view = AdminOrderView(
            number: full.number, status: full.status, buyer: full.buyer, package: full.package, payment: full.payment,
            voucherCodes: [], webhookEvents: [], messages: [], resendState: FormState(), csrfToken: "t")
        let html = rendered(AdminOrderPage(chrome: PageRendering.chrome(.id), view: view))
        let sales = Language.id.adminSalesStrings
        #expect(html.contains("Pesanan EV-2026-0042"))
        #expect(html.contains(sales.noVouchers) && html.contains(sales.noWebhookEvents) && html.contains(sales.noMessages))
        #expect(sales.noVouchers != Language.en.adminSalesStrings.noVouchers)
        #expect(!html.contains(Paths.Admin.orderMessages("EV-2026-0042")))
    }

    @Test func orderAfterAResendSaysItIsQueued() {
        let sales = Language.en.adminSalesStrings
        let message = AdminOrderView.Message(
            queuedAt: "now", recipient: "6281234567890", status: AdminSalesBadge(sales.messageWaiting, tone: .waiting),
            attempts: "0", detail: "")
        let html = rendered(
            AdminOrderPage(
                chrome: PageRendering.chrome(),
                view: orderView(.en, messages: [message], resendState: FormState(), resent: true)))
        #expect(html.contains("<p class=\"form-notice\" role=\"status\">Queued: the codes go out again within seconds.</p>"))
        #expect(html.contains("<span class=\"badge waiting\">Waiting</span>"))
    }

    @Test func profilesListShowsEachStateWithItsButtons() {
        let onSale = UUID()
        let hidden = UUID()
        let deleted = UUID()
        let view = AdminProfilesView(
            entries: [
                .init(
                    id: onSale, name: Admin.typed, price: Rupiah.format(5_000), validity: "1 day", radiusGroup: "harian", status: .onSale),
                .init(
                    id: hidden, name: "Mingguan", price: Rupiah.format(25_000), validity: "7 days", radiusGroup: "mingguan", status: .hidden
                ),
                .init(
                    id: deleted, name: "Bulanan", price: Rupiah.format(100_000), validity: "30 days", radiusGroup: "bulanan",
                    status: .deleted),
            ], csrfToken: "csrf-profiles", saved: true)
        let html = rendered(AdminProfilesPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"profiles-heading\">Voucher profiles</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-profiles", current: Paths.Admin.profiles))
        #expect(html.contains("<p class=\"form-notice\" role=\"status\">Changes saved.</p>"))
        #expect(html.contains(Admin.link(Paths.Admin.newProfile)))
        #expect(html.contains(Admin.link(Paths.Admin.profile(onSale))))
        #expect(Admin.escapesTyped(html))
        #expect(html.contains("aria-label=\"Move up: \(Admin.typedAsAttribute)\""))
        #expect(html.contains("Rp 5.000") && html.contains("Rp 25.000") && html.contains("Rp 100.000"))
        #expect(html.contains("<span class=\"badge on-sale\">In the store</span>"))
        #expect(html.contains("<span class=\"badge\">Hidden</span>"))
        #expect(html.contains("<span class=\"badge deleted\">Deleted</span>"))
        #expect(html.contains("formaction=\"\(Paths.Admin.profileAction(onSale, "hide"))\""))
        #expect(html.contains("formaction=\"\(Paths.Admin.profileAction(hidden, "show"))\""))
        #expect(html.contains("formaction=\"\(Paths.Admin.profileAction(deleted, "restore"))\""))
        #expect(!html.contains(Paths.Admin.profileAction(deleted, "delete")))
        #expect(!html.contains(Paths.Admin.profileAction(onSale, "restore")))
    }

    @Test func profilesListEmptyInIndonesian() {
        let html = rendered(AdminProfilesPage(chrome: PageRendering.chrome(.id), view: AdminProfilesView(entries: [], csrfToken: "t")))
        #expect(html.contains("Profil voucher") && html.contains("Belum ada profil voucher."))
        #expect(!html.contains("form-notice") && !html.contains("<table"))
    }

    @Test func profileFormKeepsTypedValuesAndShowsEachProblemAtItsField() {
        typealias Field = AdminProfileFormView.Field
        let state = FormState(
            values: [Field.name: Admin.typed, Field.price: "5.000x", Field.validityUnit: "hours", Field.validityFrom: "purchase"],
            errors: [Field.price: "Enter a price in whole rupiah.", Field.codeLength: "Between 4 and 16."])
        let id = UUID()
        let view = AdminProfileFormView(isNew: false, state: state, formPath: Paths.Admin.profile(id), csrfToken: "csrf-p")
        let html = rendered(AdminProfileFormPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"profile-heading\">Edit voucher profile</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-p", current: Paths.Admin.profiles))
        #expect(html.contains("action=\"\(Paths.Admin.profile(id))\""))
        #expect(Admin.fieldKeeps(html, Field.name, Admin.typedAsAttribute))
        #expect(!html.contains("<script>alert(1)"))
        #expect(Admin.fieldKeeps(html, Field.price, "5.000x"))
        #expect(Admin.fieldShowsError(html, Field.price, "Enter a price in whole rupiah."))
        #expect(Admin.fieldShowsError(html, Field.codeLength, "Between 4 and 16."))
        #expect(!Admin.fieldShowsError(html, Field.name, "Between 4 and 16."))
        #expect(html.contains("<option value=\"hours\" selected>hours</option>"))
        #expect(html.contains("<option value=\"purchase\" selected>"))
        #expect(html.contains(">Save</button>") && !html.contains(">Create profile</button>"))
    }

    @Test func newProfileFormInIndonesianOffersToCreate() {
        let view = AdminProfileFormView(isNew: true, state: FormState(), formPath: Paths.Admin.newProfile, csrfToken: "t")
        let html = rendered(AdminProfileFormPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("<h1 id=\"profile-heading\">Profil baru</h1>"))
        #expect(html.contains(">Buat profil</button>"))
        #expect(html.contains("action=\"\(Paths.Admin.newProfile)\""))
        #expect(!html.contains("form-alert"))
    }
}
