import Foundation
import Testing

@testable import Templates

/// A tenant's month of money and one expense's form, rendered from view models built as the finance
/// controller builds them; the page formats every amount itself.
@Suite struct AdminFinancePagesRenderingTests {
    private typealias Admin = AdminPageRendering
    private typealias Field = AdminExpenseFormView.Field

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    private let expenseID = UUID()

    private func financeView(entries: [AdminFinanceView.Entry], notice: String? = nil) -> AdminFinanceView {
        let income = entries.filter { $0.kind != .expense }.reduce(Int64(0)) { $0 + $1.amount }
        let expenses = entries.filter { $0.kind == .expense }.reduce(Int64(0)) { $0 - $1.amount }
        let days = (1...30).map { day in
            let date = String(format: "2026-11-%02d", day)
            let own = entries.filter { $0.date == date }
            return AdminFinanceView.Day(
                date: date, dayOfMonth: day,
                income: own.filter { $0.kind != .expense }.reduce(Int64(0)) { $0 + $1.amount },
                expenses: own.filter { $0.kind == .expense }.reduce(Int64(0)) { $0 - $1.amount })
        }
        return AdminFinanceView(
            month: "2026-11", monthName: "November 2026", previousPath: Paths.Admin.finance(month: "2026-10"),
            nextPath: Paths.Admin.finance(month: "2026-12"), exportPath: Paths.Admin.exportFinance(month: "2026-11"),
            newExpensePath: Paths.Admin.newExpense, income: income, expenses: expenses, days: days,
            items: entries.isEmpty ? [] : [.init(key: "Harian", amount: 1_250_000, count: 250), .init(key: "", amount: -50_000, count: 1)],
            channels: entries.isEmpty
                ? [] : [.init(key: "online", amount: 1_200_000, count: 251), .init(key: "cash", amount: 150_000, count: 1)],
            categories: entries.isEmpty ? [] : [.init(key: "rent", amount: 1_500_000, count: 1)],
            entries: entries,
            pager: AdminSalesPager(page: 1, lastPage: 1, totalCount: entries.count, previousURL: nil, nextURL: nil),
            csrfToken: "csrf-finance", notice: notice)
    }

    @Test func monthShowsTotalsPerDayPerChannelAndEveryLedgerRow() {
        let entries = [
            AdminFinanceView.Entry(
                date: "2026-11-23", time: "19:05", kind: .income, channel: "online", item: "Harian",
                reference: "EV-2026-0042", amount: 12_500_000, editPath: nil),
            AdminFinanceView.Entry(
                date: "2026-11-23", time: "20:00", kind: .refund, channel: "online", item: "", reference: "EV-2026-0040",
                amount: -50_000, editPath: nil),
            AdminFinanceView.Entry(
                date: "2026-11-01", time: "", kind: .expense, channel: "rent", item: "", reference: Admin.typed,
                amount: -1_500_000, editPath: Paths.Admin.expense(expenseID)),
        ]
        let words = Language.en.financeStrings
        let html = rendered(
            AdminFinancePage(chrome: PageRendering.chrome(), view: financeView(entries: entries, notice: words.expenseSaved)))
        #expect(html.contains("<h1 id=\"finance-heading\">Finance · November 2026</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-finance", current: Paths.Admin.finance))
        #expect(html.contains("<p class=\"form-notice\" role=\"status\">Expense saved.</p>"))
        // 12.500.000 in, 50.000 refunded, 1.500.000 spent.
        #expect(html.contains("<dt>Income</dt><dd>Rp 12.450.000</dd>"))
        #expect(html.contains("<dt>Expenses</dt><dd>Rp 1.500.000</dd>"))
        #expect(html.contains("<dt>Balance</dt><dd>Rp 10.950.000</dd>"))
        #expect(html.contains("<span class=\"amount\">-Rp 50.000</span>"))
        #expect(html.contains("<span class=\"amount\">-Rp 1.500.000</span>"))
        #expect(html.contains(">Online gateway<") && html.contains(">Cash<") && html.contains(">Rent<"))
        #expect(html.contains(">Refund<") && html.contains(">Expense<") && html.contains(">—<"))
        #expect(html.contains(Admin.link(Paths.Admin.expense(expenseID)) + ">\(Admin.typedAsText)</a>"))
        #expect(Admin.escapesTyped(html))
        // Only the days that moved money get a row of their own.
        #expect(html.contains(">2026-11-23<") && html.contains(">2026-11-01<") && !html.contains(">2026-11-15</td>"))
        #expect(html.contains(Admin.link(Paths.Admin.finance(month: "2026-10")) + ">← Previous month</a>"))
        #expect(html.contains(Admin.link(Paths.Admin.finance(month: "2026-12"))))
        #expect(html.contains(Admin.link(Paths.Admin.exportFinance(month: "2026-11"))))
        #expect(html.contains(Admin.link(Paths.Admin.newExpense) + ">Add an expense</a>"))
        #expect(html.contains("name=\"month\" value=\"2026-11\""))
        #expect(html.contains("<svg") && !html.contains(words.chartEmpty))
    }

    @Test func emptyMonthSaysSoInIndonesian() {
        let html = rendered(AdminFinancePage(chrome: PageRendering.chrome(.id), view: financeView(entries: [])))
        let words = Language.id.financeStrings
        #expect(html.contains("<h1 id=\"finance-heading\">Keuangan · November 2026</h1>"))
        #expect(html.contains("<dt>Pemasukan</dt><dd>Rp 0</dd>") && html.contains("<dt>Selisih</dt><dd>Rp 0</dd>"))
        #expect(html.contains(words.chartEmpty) && html.contains(words.ledgerEmpty))
        #expect(html.contains(">Catat pengeluaran</a>"))
        #expect(!html.contains("<table"))
    }

    @Test func expenseFormKeepsTypedValuesAndShowsProblemsAtTheirFields() {
        let words = Language.en.financeStrings
        let state = FormState(
            values: [Field.date: "2026-13-01", Field.category: "electricity", Field.amount: "-5", Field.note: Admin.typed],
            errors: [Field.date: words.errorDate, Field.amount: words.errorAmountNegative])
        let view = AdminExpenseFormView(
            isNew: false, state: state, formPath: Paths.Admin.expense(expenseID), deletePath: Paths.Admin.deleteExpense(expenseID),
            backPath: Paths.Admin.finance(month: "2026-11"), csrfToken: "csrf-e")
        let html = rendered(AdminExpenseFormPage(chrome: PageRendering.chrome(), view: view))
        #expect(html.contains("<h1 id=\"expense-heading\">Edit expense</h1>"))
        #expect(Admin.hasAdminMenu(html, csrfToken: "csrf-e", current: Paths.Admin.finance))
        #expect(html.contains(Admin.link(Paths.Admin.finance(month: "2026-11")) + ">Finance</a>"))
        #expect(html.contains("action=\"\(Paths.Admin.expense(expenseID))\""))
        #expect(Admin.fieldKeeps(html, Field.date, "2026-13-01"))
        #expect(Admin.fieldShowsError(html, Field.date, "Enter a date such as 2026-11-30."))
        #expect(Admin.fieldShowsError(html, Field.amount, words.errorAmountNegative))
        #expect(Admin.fieldKeeps(html, Field.note, Admin.typedAsAttribute))
        #expect(html.contains("<option value=\"electricity\" selected>Electricity</option>"))
        #expect(html.contains("action=\"\(Paths.Admin.deleteExpense(expenseID))\"") && html.contains(">Delete expense</button>"))
        #expect(!html.contains("<script>alert(1)"))
    }

    @Test func newExpenseFormInIndonesianHasNoDelete() {
        let view = AdminExpenseFormView(
            isNew: true, state: FormState(values: [Field.date: "2026-11-30"]), formPath: Paths.Admin.newExpense, deletePath: nil,
            backPath: Paths.Admin.finance, csrfToken: "c")
        let html = rendered(AdminExpenseFormPage(chrome: PageRendering.chrome(.id), view: view))
        #expect(html.contains("<h1 id=\"expense-heading\">Catat pengeluaran</h1>"))
        #expect(html.contains(Language.id.financeStrings.categoryName("bandwidth")))
        #expect(Admin.fieldKeeps(html, Field.date, "2026-11-30"))
        #expect(!html.contains(Language.id.financeStrings.deleteExpense))
        #expect(!html.contains("form-alert"))
    }
}
