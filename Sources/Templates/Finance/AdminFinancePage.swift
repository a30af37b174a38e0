/// `GET /admin/finance`: one month's income and expenses — totals, a chart per day, figures per day,
/// package or plan, channel and expense category, then the ledger's rows a page at a time and the way to
/// add an expense.
public struct AdminFinancePage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminFinanceView

    public init(chrome: SiteChrome, view: AdminFinanceView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.financeStrings
        return SiteLayout(chrome: chrome, title: "\(words.title) · \(view.monthName)") {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.finance)
            Element.section(.class("panel"), .ariaLabelledBy("finance-heading")) {
                if let notice = view.notice { FormNotice(notice) }
                Element.h1(.id("finance-heading")) { "\(words.title) · \(view.monthName)" }
                Element.p { words.intro }
                MonthPicker(month: view.month, previousPath: view.previousPath, nextPath: view.nextPath, strings: words)
                FinanceTotals(income: view.income, expenses: view.expenses, strings: words)
                Element.p(.class("actions")) {
                    Element.a(.class("button"), .href(SafeURL(view.newExpensePath))) { words.newExpense }
                    Element.a(.class("button secondary"), .href(SafeURL(view.exportPath))) { words.exportCSV }
                }
            }
            Element.section(.class("panel"), .ariaLabelledBy("chart-heading")) {
                Element.h2(.id("chart-heading")) { words.chartTitle }
                if view.pager.totalCount == 0 {
                    Element.p(.class("muted")) { words.chartEmpty }
                }
                Element.figure(.class("finance-figure")) { FinanceChart(days: view.days, strings: words) }
            }
            breakdowns(words)
            Element.section(.class("panel"), .ariaLabelledBy("ledger-heading")) {
                Element.h2(.id("ledger-heading")) { words.ledgerTitle }
                AdminSalesTable(
                    headers: [
                        words.columnDay, words.columnTime, words.columnKind, words.columnChannel, words.columnItem,
                        words.columnReference, words.columnAmount,
                    ],
                    rows: view.entries.map { ledgerRow($0, words) }, emptyText: words.ledgerEmpty)
                AdminSalesPagerNavigation(
                    pager: view.pager, count: words.entryCount(view.pager.totalCount),
                    strings: chrome.language.adminSalesStrings)
            }
        }.body
    }

    @HTMLBuilder
    private func breakdowns(_ words: FinanceStrings) -> HTMLFragment {
        let active = view.days.filter { $0.income != 0 || $0.expenses != 0 }
        Element.section(.class("panel"), .ariaLabelledBy("day-heading")) {
            Element.h2(.id("day-heading")) { words.byDay }
            AdminSalesTable(
                headers: [words.columnDay, words.income, words.expenses, words.net],
                rows: active.map { day in
                    [
                        HTMLFragment { day.date }, HTMLFragment { AmountText(day.income) },
                        HTMLFragment { AmountText(day.expenses) }, HTMLFragment { AmountText(day.income - day.expenses) },
                    ]
                }, emptyText: words.ledgerEmpty)
            Element.h2 { words.byItem }
            lines(view.items, words, heading: words.columnItem, name: { $0.isEmpty ? words.noItem : $0 })
            Element.h2 { words.byChannel }
            lines(view.channels, words, heading: words.columnChannel, name: words.channelName)
            Element.h2 { words.byCategory }
            lines(view.categories, words, heading: words.fieldCategory, name: words.categoryName)
        }
    }

    private func lines(
        _ lines: [AdminFinanceView.Line], _ words: FinanceStrings, heading: String, name: (String) -> String
    ) -> AdminSalesTable {
        AdminSalesTable(
            headers: [heading, words.columnCount, words.columnAmount],
            rows: lines.map { line in
                [HTMLFragment { name(line.key) }, HTMLFragment { String(line.count) }, HTMLFragment { AmountText(line.amount) }]
            }, emptyText: words.ledgerEmpty)
    }

    private func ledgerRow(_ entry: AdminFinanceView.Entry, _ words: FinanceStrings) -> [HTMLFragment] {
        let kind =
            switch entry.kind {
            case .income: words.kindIncome
            case .refund: words.kindRefund
            case .expense: words.kindExpense
            }
        return [
            HTMLFragment { entry.date }, HTMLFragment { entry.time }, HTMLFragment { kind },
            HTMLFragment { words.channelName(entry.channel) },
            HTMLFragment { entry.item.isEmpty ? words.noItem : entry.item },
            HTMLFragment {
                if let editPath = entry.editPath {
                    Element.a(.href(SafeURL(editPath))) { entry.reference.isEmpty ? words.editExpense : entry.reference }
                } else {
                    entry.reference
                }
            },
            HTMLFragment { AmountText(entry.amount) },
        ]
    }
}
