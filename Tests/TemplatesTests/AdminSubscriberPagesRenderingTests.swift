import Foundation
import Testing

@testable import Templates

/// The monthly subscribers' back office (the list, one subscriber, the plans, the CSV import), rendered
/// from view models built as their controllers build them.
@Suite struct AdminSubscriberPagesRenderingTests {
    private typealias Admin = AdminPageRendering
    private typealias Field = AdminSubscriberView.Field

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    private let id = UUID()

    private func subscribersView(_ language: Language, rows: [AdminSubscriberRow], query: String) -> AdminSubscribersView {
        let words = language.adminSubscriberStrings
        let search = AdminSalesSearch(
            path: Paths.Admin.subscribers, query: query, status: "",
            statuses: [.init(value: "active", label: words.statusActive), .init(value: "isolated", label: words.statusIsolated)])
        let pager = AdminSalesPager(
            page: 3, lastPage: 3, totalCount: 101, previousURL: Paths.Admin.subscribers + "?q=budi&page=2", nextURL: nil)
        return AdminSubscribersView(rows: rows, search: search, pager: pager, csrfToken: "csrf-subs")
    }

    @Test func subscribersListLinksEachSubscriberAndEscapesTheirNames() {
        let words = Language.en.adminSubscriberStrings
        let row = AdminSubscriberRow(
            name: Admin.typed, detailURL: Paths.Admin.subscriber(id), customerNumber: "PLG-0042", pppoeUsername: "budi@net.id",
            phone: "6281234567890", plan: "Rumah 20 Mbps", status: AdminSalesBadge(words.statusIsolated, tone: .bad))
        let html = rendered(AdminSubscribersPage(chrome: PageRendering.chrome(), view: subscribersView(.en, rows: [row], query: "budi")))
        #expect(html.contains("<h1 id=\"subscribers-heading\">Subscribers</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-subs", current: Paths.Admin.subscribers))
        #expect(html.contains(Admin.link(Paths.Admin.subscriber(id)) + ">\(Admin.typedAsText)</a>"))
        #expect(Admin.escapesTyped(html))
        #expect(html.contains("<code>budi@net.id</code>") && html.contains("PLG-0042"))
        #expect(html.contains("<span class=\"badge bad\">Isolated</span>"))
        #expect(html.contains(Admin.link(Paths.Admin.newSubscriber)) && html.contains(Admin.link(Paths.Admin.subscriberImport)))
        #expect(html.contains("Page 3 of 3 · 101 subscribers"))
        #expect(html.contains(Admin.link(Paths.Admin.subscribers + "?q=budi&page=2") + " rel=\"prev\""))
        #expect(Admin.fieldKeeps(html, AdminSalesSearch.Field.query, "budi"))
    }

    @Test func subscribersListEmptyInIndonesian() {
        let html = rendered(AdminSubscribersPage(chrome: PageRendering.chrome(.id), view: subscribersView(.id, rows: [], query: "")))
        #expect(html.contains("<h1 id=\"subscribers-heading\">Pelanggan</h1>"))
        #expect(html.contains("Tidak ada pelanggan yang cocok.") && html.contains("101 pelanggan"))
        #expect(html.contains(">Tambah pelanggan</a>") && html.contains(">Impor pelanggan</a>"))
    }

    private func existing(_ language: Language, notice: String?) -> AdminSubscriberView.Existing {
        let words = language.adminSubscriberStrings
        let invoice = AdminInvoiceRow(
            number: "INV-2026-11-0007", detailURL: Paths.Admin.invoice("INV-2026-11-0007"), customer: "",
            period: "November 2026", amount: Rupiah.format(200_000), dueDate: Admin.times.day(Admin.evening),
            status: AdminSalesBadge(language.strings.invoiceOverdue, tone: .bad))
        return AdminSubscriberView.Existing(
            status: AdminSalesBadge(words.statusSuspended, tone: .bad),
            statusLine: words.statusSince(words.statusSuspended, Admin.times.dayAndTime(Admin.evening)),
            statusReason: Admin.typed,
            actions: [
                .init(action: "restore", path: Paths.Admin.subscriber(id, action: "restore")),
                .init(action: "terminate", path: Paths.Admin.subscriber(id, action: "terminate")),
            ], portalPasswordPath: Paths.Admin.subscriber(id, action: "portal-password"), statusState: FormState(),
            portalState: FormState(errors: [Field.portalPassword: words.errorPortalPassword]), invoices: [invoice], notice: notice)
    }

    @Test func subscriberShowsStatusActionsInvoicesAndKeepsTheFormAsTyped() {
        let words = Language.en.adminSubscriberStrings
        let state = FormState(
            values: [Field.name: Admin.typed, Field.pppoeUsername: "Budi Net", Field.plan: "p2", Field.billingDay: "32"],
            errors: [Field.pppoeUsername: words.errorPPPoEUsername, Field.billingDay: words.errorBillingDay])
        let view = AdminSubscriberView(
            heading: words.editSubscriber, state: state,
            plans: [.init(value: "p1", label: "Rumah 10 Mbps"), .init(value: "p2", label: "Rumah 20 Mbps")],
            formPath: Paths.Admin.subscriber(id), csrfToken: "csrf-sub", existing: existing(.en, notice: words.statusChanged))
        let html = rendered(AdminSubscriberPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"subscriber-heading\">Subscriber</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-sub", current: Paths.Admin.subscribers))
        #expect(html.contains("<p class=\"form-notice\" role=\"status\">\(words.statusChanged)</p>"))
        #expect(html.contains("<span class=\"badge bad\">Suspended</span> Suspended since 23 November 2026 19:05 WIB"))
        #expect(html.contains("<p class=\"muted\">\(Admin.typedAsText)</p>"))
        #expect(html.contains("formaction=\"\(Paths.Admin.subscriber(id, action: "restore"))\">Restore</button>"))
        #expect(html.contains("formaction=\"\(Paths.Admin.subscriber(id, action: "terminate"))\">Terminate</button>"))
        #expect(!html.contains(Paths.Admin.subscriber(id, action: "suspend")))
        #expect(html.contains("action=\"\(Paths.Admin.subscriber(id))\""))
        #expect(Admin.fieldKeeps(html, Field.name, Admin.typedAsAttribute))
        #expect(Admin.fieldKeeps(html, Field.pppoeUsername, "Budi Net"))
        #expect(Admin.fieldShowsError(html, Field.pppoeUsername, words.errorPPPoEUsername))
        #expect(Admin.fieldShowsError(html, Field.billingDay, "Enter a day from 1 to 31."))
        #expect(html.contains("<option value=\"p2\" selected>Rumah 20 Mbps</option>"))
        // An existing subscriber keeps its password unless a new one is typed; the portal password has its own form.
        #expect(html.contains(words.fieldPPPoEPasswordKeepHint) && html.contains(">Save</button>"))
        #expect(html.contains("action=\"\(Paths.Admin.subscriber(id, action: "portal-password"))\""))
        #expect(Admin.fieldShowsError(html, Field.portalPassword, "A password has 10 to 200 characters."))
        #expect(html.contains(Admin.link(Paths.Admin.invoice("INV-2026-11-0007")) + ">INV-2026-11-0007</a>"))
        #expect(html.contains("Rp 200.000") && html.contains("<span class=\"badge bad\">Overdue</span>"))
        #expect(Admin.escapesTyped(html))
    }

    @Test func newSubscriberWithoutPlansWarnsInIndonesian() {
        let words = Language.id.adminSubscriberStrings
        let view = AdminSubscriberView(
            heading: words.newSubscriber, state: FormState(), plans: [], formPath: Paths.Admin.newSubscriber, csrfToken: "c",
            existing: nil)
        let html = rendered(AdminSubscriberPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("<h1 id=\"subscriber-heading\">Tambah pelanggan</h1>"))
        #expect(html.contains("<p class=\"form-alert\" role=\"alert\">Anda belum punya paket aktif"))
        #expect(html.contains(">Tambah pelanggan</button>"))
        #expect(html.contains("name=\"\(Field.portalPassword)\""))
        #expect(!html.contains("subscriber-invoices") && !html.contains(words.suspend + "</button>"))
    }

    private func plan(_ name: String, active: Bool, subscribers: Int) -> AdminPlansView.Entry {
        AdminPlansView.Entry(
            name: name, price: Rupiah.format(200_000), speed: "20000k / 10000k", radiusGroup: "rumah-20", isActive: active,
            subscriberCount: subscribers, editPath: Paths.Admin.plan(id),
            togglePath: Paths.Admin.plan(id, action: active ? "deactivate" : "activate"),
            deletePath: Paths.Admin.plan(id, action: "delete"))
    }

    @Test func plansListShowsPricesStatesAndTheRefusedDelete() {
        let words = Language.en.adminSubscriberStrings
        let view = AdminPlansView(
            entries: [plan(Admin.typed, active: true, subscribers: 17)], csrfToken: "csrf-plans", refusal: words.planInUse)
        let html = rendered(AdminPlansPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"plans-heading\">Plans</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-plans", current: Paths.Admin.plans))
        #expect(html.contains("<p class=\"form-alert\" role=\"alert\">\(words.planInUse)</p>"))
        #expect(html.contains(Admin.link(Paths.Admin.newPlan)) && html.contains(Admin.link(Paths.Admin.plan(id))))
        #expect(html.contains("Rp 200.000") && html.contains("20000k / 10000k") && html.contains("<code>rumah-20</code>"))
        #expect(html.contains("<span class=\"badge good\">Active</span>") && html.contains(">17</td>"))
        #expect(html.contains("action=\"\(Paths.Admin.plan(id, action: "deactivate"))\""))
        #expect(html.contains("aria-label=\"Deactivate: \(Admin.typedAsAttribute)\""))
        #expect(html.contains("formaction=\"\(Paths.Admin.plan(id, action: "delete"))\""))
        #expect(Admin.escapesTyped(html))
    }

    @Test func plansListEmptyAndInactivePlanInIndonesian() {
        let empty = rendered(
            AdminPlansPage(chrome: PageRendering.chrome(.id), view: AdminPlansView(entries: [], csrfToken: "c", saved: true)))
        #expect(empty.contains("<h1 id=\"plans-heading\">Paket bulanan</h1>"))
        #expect(empty.contains("Belum ada paket.") && empty.contains("Perubahan tersimpan."))
        let inactive = rendered(
            AdminPlansPage(
                chrome: PageRendering.chrome(.id),
                view: AdminPlansView(entries: [plan("Lama", active: false, subscribers: 0)], csrfToken: "c")))
        #expect(inactive.contains("<span class=\"badge quiet\">\(Language.id.adminSubscriberStrings.planInactive)</span>"))
        #expect(inactive.contains("action=\"\(Paths.Admin.plan(id, action: "activate"))\""))
    }

    private func importView(_ language: Language, fileError: String? = nil, review: SubscriberImportView.Review? = nil)
        -> SubscriberImportView
    {
        SubscriberImportView(
            uploadPath: Paths.Admin.subscriberImport, subscribersExportPath: Paths.Admin.subscribersExport,
            invoicesExportPath: Paths.Admin.invoicesExport, csrfToken: "csrf-import", fileError: fileError, review: review)
    }

    @Test func importDryRunListsSkippedAndAcceptedRowsWithTheConfirmButton() {
        let words = Language.en.subscriberImportStrings
        let review = SubscriberImportView.Review(
            summary: words.summary("secrets.csv", words.layoutMikrotik, 120, 3), acceptedCount: 120,
            accepted: [.init(line: 2, customerNumber: "", name: Admin.typed, username: "budi@net.id", plan: "Rumah 20 Mbps")],
            rejectedCount: 3,
            rejected: [
                .init(line: 7, username: "<b>x</b>", reasons: [words.reasonPlanUnknown("Gold"), words.reasonUsernameTaken])
            ], token: "stage-tok", confirmPath: Paths.Admin.subscriberImportConfirm)
        let html = rendered(SubscriberImportPage(chrome: PageRendering.chrome(), view: importView(.en, review: review)))
        #expect(html.contains("<h1 id=\"import-heading\">Import subscribers</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-import", current: Paths.Admin.subscribers))
        #expect(html.contains("secrets.csv (MikroTik PPP secrets): 120 subscribers would be created, 3 rows"))
        #expect(html.contains("action=\"\(Paths.Admin.subscriberImportConfirm)\"") && html.contains(">Import 120 subscribers</button>"))
        #expect(html.contains("name=\"expected\" value=\"120\"") && html.contains("value=\"stage-tok\""))
        #expect(html.contains("Rows that will be skipped (3)") && html.contains("Subscribers that would be created (120)"))
        #expect(html.contains("<td>&lt;b&gt;x&lt;/b&gt;</td>"))
        #expect(html.contains("<td>no active plan is called Gold; a subscriber with this PPPoE user name exists</td>"))
        #expect(html.contains("<td>(new)</td>"))
        #expect(html.contains("… and 2 more.") && html.contains("… and 119 more."))
        #expect(Admin.escapesTyped(html))
        #expect(html.contains(Admin.link(Paths.Admin.subscribersExport)) && html.contains(Admin.link(Paths.Admin.invoicesExport)))
    }

    @Test func importRefusedFileShowsItsProblemAtTheFileFieldInIndonesian() {
        let words = Language.id.subscriberImportStrings
        let review = SubscriberImportView.Review(
            summary: "x", acceptedCount: 0, accepted: [], rejectedCount: 0, rejected: [], token: "t",
            confirmPath: Paths.Admin.subscriberImportConfirm)
        let html = rendered(
            SubscriberImportPage(chrome: PageRendering.chrome(.id), view: importView(.id, fileError: words.errorEmpty, review: review)))
        #expect(html.contains("<h1 id=\"import-heading\">Impor pelanggan</h1>"))
        #expect(Admin.fieldShowsError(html, SubscriberImportView.Field.file, words.errorEmpty))
        #expect(html.contains(words.nothingToImport))
        #expect(!html.contains(Paths.Admin.subscriberImportConfirm))
    }

    @Test func planFormKeepsTypedValuesAndShowsProblemsInBothLanguages() {
        typealias Field = AdminPlanFormView.Field
        let words = Language.en.adminSubscriberStrings
        let state = FormState(
            values: [Field.name: Admin.typed, Field.price: "200rb", Field.isActive: "on"],
            errors: [Field.radiusGroup: words.errorPlanGroupTaken])
        let view = AdminPlanFormView(isNew: false, state: state, formPath: Paths.Admin.plan(id), csrfToken: "csrf-plan")
        let html = rendered(AdminPlanFormPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"plan-heading\">Edit plan</h1>") && html.contains(">Save</button>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-plan", current: Paths.Admin.plans))
        #expect(html.contains("action=\"\(Paths.Admin.plan(id))\""))
        #expect(Admin.fieldKeeps(html, Field.name, Admin.typedAsAttribute) && Admin.fieldKeeps(html, Field.price, "200rb"))
        #expect(Admin.fieldShowsError(html, Field.radiusGroup, words.errorPlanGroupTaken))
        #expect(!html.contains("<script>alert(1)"))
        let new = rendered(
            AdminPlanFormPage(
                chrome: PageRendering.chrome(.id),
                view: AdminPlanFormView(isNew: true, state: FormState(), formPath: Paths.Admin.newPlan, csrfToken: "c")))
        let indonesian = Language.id.adminSubscriberStrings
        #expect(new.contains(">\(indonesian.newPlan)</h1>") && new.contains(">\(indonesian.createPlan)</button>"))
        #expect(indonesian.newPlan != words.newPlan)
    }
}
