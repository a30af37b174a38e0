import Foundation
import HTTP
import Templates

/// `GET /head-office/finance?month=YYYY-MM&page=N&q=…`: every tenant's income, expenses and balance for the
/// month (each counted in its own time zone, by the same rules as the tenant's report), 100 tenants a
/// page, found by a piece of slug or name, and the platform total.
struct HeadOfficeFinanceController: Sendable {
    let services: HeadOfficeServices

    func addRoutes(to router: inout RouteGroup<AuthenticatedHeadOffice>) {
        router.get("/head-office/finance") { request, headOffice, _ in
            let context = headOffice.context
            // Without a month, the current one where the platform works (Indonesia's western zone).
            let zone = TimeZone(identifier: "Asia/Jakarta") ?? .current
            guard let month = UsageMonth.financeMonth(query: try request.queryItems["month"], timeZone: zone) else {
                throw HTTPError(.badRequest, "month must be written YYYY-MM")
            }
            let requested = try AdminListRequest.page(try request.queryItems["page"])
            let query = String((try request.queryItems["q"] ?? "").trimmed.prefix(100))
            let read = { (page: Int) in
                try services.finance.headOfficePage(
                    in: month, matching: query, offset: (page - 1) * Self.pageSize, limit: Self.pageSize)
            }
            var found = try read(requested)
            let pager = AdminSalesPager.at(requested, totalCount: found.matched, pageSize: Self.pageSize) {
                Paths.HeadOffice.finance(month: month.description, query: query, page: $0)
            }
            // A page past the end shows the last one, as every list does.
            if pager.page != requested { found = try read(pager.page) }
            let dates = DateText(timeZoneIdentifier: "Asia/Jakarta", language: context.language)
            let view = HeadOfficeFinanceView(
                channels: FinanceLedger.channels, month: month.description,
                monthName: dates.month(month.month, of: month.year) ?? month.description,
                previousPath: Paths.HeadOffice.finance(month: month.previous.description),
                nextPath: Paths.HeadOffice.finance(month: month.next.description),
                tenants: found.tenants.map(Self.row), platform: Self.row(found.platform),
                pager: pager.lastPage > 1 ? pager : nil, query: query, csrfToken: headOffice.session.csrfSecret)
            return .page(HeadOfficeFinancePage(chrome: context.chrome, view: view))
        }
    }

    /// Tenants a page: a platform of thousands of ISPs made a page of megabytes.
    static let pageSize = 100

    private static func row(_ totals: FinanceLedger.TenantTotals) -> HeadOfficeFinanceView.Tenant {
        HeadOfficeFinanceView.Tenant(
            slug: totals.slug, name: totals.name, income: totals.income, expenses: totals.expenses,
            channels: FinanceLedger.channels.map { totals.channels[$0] ?? 0 })
    }
}
