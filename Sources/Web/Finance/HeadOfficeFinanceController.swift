import Foundation
import HTTP
import Templates

/// `GET /head-office/finance?month=YYYY-MM`: every tenant's income, expenses and balance for the month (each
/// counted in its own time zone, from the same ledger the tenant's report reads), and the platform total.
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
            let tenants = try services.finance.totalsPerTenant(in: month).map {
                HeadOfficeFinanceView.Tenant(
                    slug: $0.slug, name: $0.name, income: $0.income, expenses: $0.expenses,
                    channels: FinanceLedger.channels.map { [totals = $0] in totals.channels[$0] ?? 0 })
            }
            let dates = DateText(timeZoneIdentifier: "Asia/Jakarta", language: context.language)
            let view = HeadOfficeFinanceView(
                channels: FinanceLedger.channels, month: month.description,
                monthName: dates.month(month.month, of: month.year) ?? month.description,
                previousPath: Paths.HeadOffice.finance(month: month.previous.description),
                nextPath: Paths.HeadOffice.finance(month: month.next.description),
                tenants: tenants, csrfToken: headOffice.session.csrfSecret)
            return .page(HeadOfficeFinancePage(chrome: context.chrome, view: view))
        }
    }
}
