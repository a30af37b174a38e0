/// `GET /head-office/finance`: every store's income, expenses and balance for one month, a page of stores
/// at a time, and the platform total (every store's, on each page).
public struct HeadOfficeFinancePage: HTMLComponent {
    let chrome: SiteChrome
    let view: HeadOfficeFinanceView

    public init(chrome: SiteChrome, view: HeadOfficeFinanceView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.financeStrings
        let office = chrome.language.headOfficeStrings
        return SiteLayout(chrome: chrome, title: "\(words.headOfficeTitle) · \(view.monthName)") {
            HeadOfficeNavigation(strings: office, signOut: chrome.strings.adminSignOut, csrfToken: view.csrfToken)
            Element.section(.class("panel"), .ariaLabelledBy("finance-heading")) {
                Element.h1(.id("finance-heading")) { "\(words.headOfficeTitle) · \(view.monthName)" }
                Element.p { words.headOfficeIntro }
                MonthPicker(month: view.month, previousPath: view.previousPath, nextPath: view.nextPath, strings: words)
                FinanceTotals(income: view.income, expenses: view.expenses, strings: words)
                HeadOfficeSearchForm(
                    path: Paths.HeadOffice.finance, query: view.query, kept: [("month", view.month)], strings: office)
                AdminSalesTable(
                    headers: [words.columnTenant] + view.channels.map(words.channelName)
                        + [words.income, words.expenses, words.net],
                    rows: view.tenants.isEmpty ? [] : tenantRows + [totalRow],
                    emptyText: view.query.isEmpty ? words.ledgerEmpty : office.searchNothingFound(view.query))
                if let pager = view.pager {
                    AdminSalesPagerNavigation(
                        pager: pager, count: office.tenantCount(pager.totalCount), strings: chrome.language.adminSalesStrings)
                }
            }
        }.body
    }

    private var tenantRows: [[HTMLFragment]] {
        view.tenants.map { tenant in
            [HTMLFragment { "\(tenant.name) (\(tenant.slug))" }]
                + figures(tenant.channels, income: tenant.income, expenses: tenant.expenses)
        }
    }

    /// Every store's figures summed, on each page; left out with the rows, so a platform without stores
    /// says that no money moved.
    private var totalRow: [HTMLFragment] {
        [HTMLFragment { Element.strong { chrome.language.financeStrings.platformTotal } }]
            + figures(view.channelTotals, income: view.income, expenses: view.expenses)
    }

    private func figures(_ channels: [Int64], income: Int64, expenses: Int64) -> [HTMLFragment] {
        (channels + [income, expenses, income - expenses]).map { amount in HTMLFragment { AmountText(amount) } }
    }
}
