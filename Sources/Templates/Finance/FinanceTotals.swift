/// A month's income, expenses and their difference, as a summary list.
struct FinanceTotals: HTMLComponent {
    let income: Int64
    let expenses: Int64
    let strings: FinanceStrings

    var body: HTMLFragment {
        AdminSalesSummary(lines: [
            SummaryLine(label: strings.income, value: Rupiah.format(income)),
            SummaryLine(label: strings.expenses, value: Rupiah.format(expenses)),
            SummaryLine(label: strings.net, value: Rupiah.format(income - expenses)),
        ])
    }
}
