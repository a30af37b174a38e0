import Templates

/// A month's ledger added up: totals, per day, per package or plan, per channel and per expense
/// category. Every figure comes from the same sums (`FinanceLedger.sums`), so each breakdown adds up to
/// the totals, and the number of entries is what the ledger's pages list.
struct FinanceReport: Sendable {
    /// Money in, net of refunds.
    let income: Int64
    /// Money out (a positive figure).
    let expenses: Int64
    /// Payments and expenses in the month, each counted once.
    let entryCount: Int
    let days: [AdminFinanceView.Day]
    let items: [AdminFinanceView.Line]
    let channels: [AdminFinanceView.Line]
    let categories: [AdminFinanceView.Line]

    init(sums: [FinanceLedger.Sum], month: UsageMonth) {
        var income: Int64 = 0
        var expenses: Int64 = 0
        var entryCount = 0
        var incomeByDay: [String: Int64] = [:]
        var expensesByDay: [String: Int64] = [:]
        var items: [AdminFinanceView.Line] = []
        var channels: [AdminFinanceView.Line] = []
        var categories: [AdminFinanceView.Line] = []
        for sum in sums {
            switch (sum.kind, sum.key) {
            case (.payment, .day(let day)):
                income += sum.amount
                incomeByDay[day, default: 0] += sum.amount
                entryCount += sum.count
            case (.expense, .day(let day)):
                expenses -= sum.amount
                expensesByDay[day, default: 0] -= sum.amount
                entryCount += sum.count
            case (.payment, .item(let item)):
                items.append(AdminFinanceView.Line(key: item, amount: sum.amount, count: sum.count))
            case (.payment, .channel(let channel)):
                channels.append(AdminFinanceView.Line(key: channel, amount: sum.amount, count: sum.count))
            case (.expense, .channel(let category)):
                categories.append(AdminFinanceView.Line(key: category, amount: -sum.amount, count: sum.count))
            case (.expense, .item):
                break  // an expense pays for no package or plan
            }
        }
        self.income = income
        self.expenses = expenses
        self.entryCount = entryCount
        days = month.days.map { date, day in
            AdminFinanceView.Day(
                date: date, dayOfMonth: day, income: incomeByDay[date] ?? 0, expenses: expensesByDay[date] ?? 0)
        }
        self.items = Self.largestFirst(items)
        self.channels = Self.largestFirst(channels)
        self.categories = Self.largestFirst(categories)
    }

    var net: Int64 { income - expenses }

    /// Largest first, then by key, so the order is stable.
    private static func largestFirst(_ lines: [AdminFinanceView.Line]) -> [AdminFinanceView.Line] {
        lines.sorted { ($0.amount, $1.key) > ($1.amount, $0.key) }
    }

    /// The ledger as a spreadsheet: one row per entry, amounts signed as they move the balance, then the
    /// totals of those rows. Cells are written by `CSVText` (quoted, and safe from formula injection).
    static func csvRows(_ entries: [LedgerEntry]) -> [[String]] {
        let income = entries.filter { $0.kind == .payment }.reduce(0) { $0 + $1.amount }
        let expenses = entries.filter { $0.kind == .expense }.reduce(0) { $0 - $1.amount }
        var rows = [["date", "time", "kind", "channel", "item", "reference", "note", "amount"]]
        for entry in entries {
            let kind = entry.kind == .expense ? "expense" : entry.isRefund ? "refund" : "income"
            rows.append([
                entry.day, entry.time, kind, entry.channel, entry.item, entry.reference, entry.note, String(entry.amount),
            ])
        }
        rows.append(["", "", "total", "income", "", "", "", String(income)])
        rows.append(["", "", "total", "expenses", "", "", "", String(-expenses)])
        rows.append(["", "", "total", "net", "", "", "", String(income - expenses)])
        return rows
    }
}
