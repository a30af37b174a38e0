import Templates

/// A month's ledger added up: totals, per day, per package or plan, per channel and per expense
/// category. Every figure is a sum over the same entries, so each breakdown adds up to the totals.
struct FinanceReport: Sendable {
    let entries: [LedgerEntry]
    /// Money in, net of refunds.
    let income: Int64
    /// Money out (a positive figure).
    let expenses: Int64
    let days: [AdminFinanceView.Day]
    let items: [AdminFinanceView.Line]
    let channels: [AdminFinanceView.Line]
    let categories: [AdminFinanceView.Line]

    init(entries: [LedgerEntry], month: UsageMonth) {
        self.entries = entries
        let payments = entries.filter { $0.kind == .payment }
        let spent = entries.filter { $0.kind == .expense }
        income = payments.reduce(0) { $0 + $1.amount }
        expenses = spent.reduce(0) { $0 - $1.amount }
        days = month.days.map { date, day in
            AdminFinanceView.Day(
                date: date, dayOfMonth: day,
                income: payments.filter { $0.day == date }.reduce(0) { $0 + $1.amount },
                expenses: spent.filter { $0.day == date }.reduce(0) { $0 - $1.amount })
        }
        items = Self.lines(payments, by: \.item, sign: 1)
        channels = Self.lines(payments, by: \.channel, sign: 1)
        categories = Self.lines(spent, by: \.channel, sign: -1)
    }

    var net: Int64 { income - expenses }

    /// Sums per key, largest first (then by key, so the order is stable).
    private static func lines(_ entries: [LedgerEntry], by key: KeyPath<LedgerEntry, String>, sign: Int64)
        -> [AdminFinanceView.Line]
    {
        var sums: [String: (amount: Int64, count: Int)] = [:]
        for entry in entries {
            sums[entry[keyPath: key], default: (0, 0)].amount += sign * entry.amount
            sums[entry[keyPath: key], default: (0, 0)].count += 1
        }
        return sums.map { AdminFinanceView.Line(key: $0.key, amount: $0.value.amount, count: $0.value.count) }
            .sorted { ($0.amount, $1.key) > ($1.amount, $0.key) }
    }

    /// The ledger as a spreadsheet: one row per entry, amounts signed as they move the balance, then the
    /// totals. Cells are written by `CSVText` (quoted, and safe from formula injection).
    var csvRows: [[String]] {
        var rows = [["date", "time", "kind", "channel", "item", "reference", "note", "amount"]]
        for entry in entries {
            let kind = entry.kind == .expense ? "expense" : entry.isRefund ? "refund" : "income"
            rows.append([
                entry.day, entry.time, kind, entry.channel, entry.item, entry.reference, entry.note, String(entry.amount),
            ])
        }
        rows.append(["", "", "total", "income", "", "", "", String(income)])
        rows.append(["", "", "total", "expenses", "", "", "", String(-expenses)])
        rows.append(["", "", "total", "net", "", "", "", String(net)])
        return rows
    }
}
