import Foundation
import Testing

@testable import Templates

/// The back office's own pages: the dashboard an admin lands on, the audit trail and the password change.
@Suite struct AdminOverviewPagesRenderingTests {
    private typealias Admin = AdminPageRendering

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    @Test func dashboardShowsTilesLinkingToTheirListsAndTheLastPayments() {
        let words = Language.en.adminDashboardStrings
        let view = AdminDashboardView(
            tiles: [
                .init(label: words.salesToday, value: Rupiah.format(150_000), detail: "3 payments", path: Paths.Admin.finance),
                .init(label: "Online", value: "42", detail: nil, path: nil),
            ],
            payments: [
                .init(
                    when: Admin.times.dayAndTime(Admin.evening), subject: Admin.typed, path: Paths.Admin.invoice("INV-2026-11-0007"),
                    amount: Rupiah.format(200_000), method: "Cash"),
                .init(when: "today", subject: "Order EV-2026-0001", path: nil, amount: Rupiah.format(5_000), method: "Online gateway"),
            ], csrfToken: "csrf-dash")
        let html = rendered(AdminDashboardPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"dashboard-heading\">Dashboard</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-dash", current: Paths.Admin.dashboard))
        #expect(
            html.contains(
                "<span class=\"dashboard-label\">Sales today</span><a class=\"dashboard-value\" " + Admin.link(Paths.Admin.finance)
                    + ">Rp 150.000</a>"))
        #expect(html.contains("<span class=\"muted\">3 payments</span>"))
        #expect(html.contains("<span class=\"dashboard-value\">42</span>"))
        #expect(html.contains(Admin.link(Paths.Admin.invoice("INV-2026-11-0007")) + ">\(Admin.typedAsText)</a>"))
        #expect(html.contains(">Order EV-2026-0001</td>"))
        #expect(html.contains("Rp 200.000") && html.contains("23 November 2026 19:05 WIB"))
        #expect(Admin.escapesTyped(html))
    }

    @Test func dashboardWithoutPaymentsInIndonesian() {
        let html = rendered(
            AdminDashboardPage(chrome: PageRendering.chrome(.id), view: AdminDashboardView(tiles: [], payments: [], csrfToken: "c")))
        #expect(html.contains("<h1 id=\"dashboard-heading\">Dasbor</h1>"))
        #expect(html.contains("Belum ada pembayaran.") && !html.contains("<table"))
        #expect(html.contains("<nav class=\"admin-nav\" aria-label=\"Admin toko\">") && html.contains(">Keluar</button>"))
    }

    private func auditView(rows: [AuditTrailView.Row], filters: FormState, pager: AdminSalesPager, headOffice: Bool = false)
        -> AuditTrailView
    {
        AuditTrailView(
            path: headOffice ? Paths.HeadOffice.audit : Paths.Admin.audit, rows: rows, filters: filters, pager: pager,
            isHeadOffice: headOffice, csrfToken: "csrf-audit")
    }

    @Test func auditTrailShowsEntriesEscapedWithFiltersAndPager() {
        let row = AuditTrailView.Row(
            when: Admin.times.dayAndTime(Admin.evening), actor: "admin@net.id", action: "subscriber.update",
            subject: Admin.typed, address: "203.0.113.9", tenant: "net-sari")
        let next = Paths.Admin.audit + "?actor=admin%40net.id&page=2"
        let pager = AdminSalesPager(page: 1, lastPage: 4, totalCount: 151, previousURL: nil, nextURL: next)
        let filters = FormState(values: [AuditTrailView.Field.actor: "admin@net.id", AuditTrailView.Field.from: "2026-11-01"])
        let html = rendered(AuditTrailPage(chrome: PageRendering.chrome(), view: auditView(rows: [row], filters: filters, pager: pager)))
        #expect(html.contains("<h1 id=\"audit-heading\">Audit trail</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-audit", current: Paths.Admin.audit))
        #expect(html.contains("action=\"\(Paths.Admin.audit)\""))
        #expect(Admin.fieldKeeps(html, AuditTrailView.Field.actor, "admin@net.id"))
        #expect(Admin.fieldKeeps(html, AuditTrailView.Field.from, "2026-11-01"))
        #expect(html.contains(">subscriber.update</td>") && html.contains(">203.0.113.9</td>"))
        #expect(html.contains("23 November 2026 19:05 WIB"))
        #expect(!html.contains(">net-sari</td>") && !html.contains(">Tenant</th>"))
        #expect(html.contains("Page 1 of 4 · 151 entries"))
        #expect(html.contains(Admin.link(next) + " rel=\"next\""))
        #expect(Admin.escapesTyped(html))
    }

    @Test func auditTrailEmptyInIndonesianAndHeadOfficeShowsTheTenant() {
        let pager = AdminSalesPager(page: 1, lastPage: 1, totalCount: 0, previousURL: nil, nextURL: nil)
        let empty = rendered(
            AuditTrailPage(chrome: PageRendering.chrome(.id), view: auditView(rows: [], filters: FormState(), pager: pager)))
        #expect(empty.contains("<h1 id=\"audit-heading\">Jejak audit</h1>"))
        #expect(empty.contains("Tidak ada catatan yang cocok.") && empty.contains("0 catatan"))
        let row = AuditTrailView.Row(
            when: "now", actor: "ops@platform", action: "tenant.create", subject: "", address: "", tenant: "net-sari")
        let headOffice = rendered(
            AuditTrailPage(
                chrome: PageRendering.chrome(), view: auditView(rows: [row], filters: FormState(), pager: pager, headOffice: true)))
        #expect(headOffice.contains(">Tenant</th>") && headOffice.contains(">net-sari</td>"))
        #expect(headOffice.contains("action=\"\(Paths.HeadOffice.logout)\"") && !headOffice.contains(Paths.Admin.logout))
    }

    @Test func passwordPageShowsEachProblemAndNeverATypedPassword() {
        typealias Field = PasswordChangeForm.Field
        let errors = FormState(
            values: [Field.currentPassword: "old-secret-1", Field.newPassword: "short"],
            errors: [Field.currentPassword: "That is not your current password.", Field.newPassword: "At least 10 characters."])
        let html = rendered(AdminPasswordPage(chrome: PageRendering.chrome(), errors: errors, changed: false, csrfToken: "csrf-pw"))
        #expect(html.contains("Change your password</h2>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-pw", current: Paths.Admin.password))
        #expect(html.contains("action=\"\(Paths.Admin.password)\""))
        #expect(Admin.fieldShowsError(html, Field.currentPassword, "That is not your current password."))
        #expect(Admin.fieldShowsError(html, Field.newPassword, "At least 10 characters."))
        #expect(!html.contains("old-secret-1") && !html.contains("value=\"short\""))
        #expect(html.contains("Please correct the marked fields below.") && !html.contains("form-notice"))
    }

    @Test func passwordChangedInIndonesian() {
        let html = rendered(AdminPasswordPage(chrome: PageRendering.chrome(.id), errors: FormState(), changed: true, csrfToken: "c"))
        #expect(html.contains("Ganti kata sandi Anda</h2>"))
        #expect(html.contains("<p class=\"form-notice\" role=\"status\">Kata sandi Anda sudah diganti.</p>"))
        #expect(!html.contains("form-alert"))
    }
}
