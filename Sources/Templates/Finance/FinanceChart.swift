/// Income and expenses per day as an inline SVG drawn on the server (no script): one row per day of the
/// month with two horizontal bars, income above expenses, each as long as its figure relative to the
/// month's largest. Rows rather than columns, so a month of 31 days stays legible on a 390 px phone.
/// Each bar carries its day and amount (`data-day`, `data-amount`) and a `title` with the figure.
struct FinanceChart: HTMLComponent {
    /// The geometry, in the drawing's own units (it scales to the width of its box).
    enum Layout {
        static let width = 360
        static let labelWidth = 36
        static let barArea = width - labelWidth - 8
        static let legendHeight = 24
        static let rowHeight = 20
        static let barHeight = 7
    }

    let days: [AdminFinanceView.Day]
    let strings: FinanceStrings

    /// A bar's length for `amount` when `largest` fills the bar area; nothing below zero (a day whose
    /// refunds exceed its income draws no income bar; its title still says the figure).
    static func length(_ amount: Int64, largest: Int64) -> Int {
        guard amount > 0, largest > 0 else { return 0 }
        return Int((Double(amount) / Double(largest) * Double(Layout.barArea)).rounded())
    }

    var body: HTMLFragment {
        let largest = days.reduce(Int64(0)) { max($0, $1.income, $1.expenses) }
        let height = Layout.legendHeight + days.count * Layout.rowHeight
        Element.svg(
            width: Layout.width, height: height, .class("finance-chart"), .role("img"), .ariaLabel(strings.chartTitle)
        ) {
            legend
            for (index, day) in days.enumerated() {
                row(day, top: Layout.legendHeight + index * Layout.rowHeight, largest: largest)
            }
        }
    }

    private var legend: Element {
        Element.g(.class("legend")) {
            Element.rect(x: Layout.labelWidth, y: 6, width: 10, height: 10, .class("income"))
            Element.svgText(x: Layout.labelWidth + 14, y: 15) { strings.income }
            Element.rect(x: Layout.labelWidth + 150, y: 6, width: 10, height: 10, .class("expense"))
            Element.svgText(x: Layout.labelWidth + 164, y: 15) { strings.expenses }
        }
    }

    private func row(_ day: AdminFinanceView.Day, top: Int, largest: Int64) -> Element {
        Element.g(.class("day"), .data("day", day.date)) {
            Element.svgText(x: Layout.labelWidth - 6, y: top + 14, .textAnchor(.end)) { String(day.dayOfMonth) }
            bar(day, kind: "income", amount: day.income, y: top + 3, largest: largest, label: strings.income)
            bar(
                day, kind: "expense", amount: day.expenses, y: top + 3 + Layout.barHeight, largest: largest,
                label: strings.expenses)
        }
    }

    private func bar(
        _ day: AdminFinanceView.Day, kind: String, amount: Int64, y: Int, largest: Int64, label: String
    ) -> Element {
        Element.rect(
            x: Layout.labelWidth, y: y, width: Self.length(amount, largest: largest), height: Layout.barHeight,
            .class(kind), .data("day", day.date), .data("amount", String(amount))
        ) {
            Element.svgTitle { "\(day.date) · \(label): \(Rupiah.format(amount))" }
        }
    }
}
