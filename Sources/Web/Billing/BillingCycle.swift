/// A subscriber's month: from one billing date to the next. Invoices are made at the start of the
/// month they pay for (the ISP is paid in advance), and a billing day of 29–31 falls on a short
/// month's last day, so every month has exactly one billing date.
struct BillingCycle: Sendable, Hashable {
    /// The billing date that opens the cycle; its month names the invoice's period.
    let start: CalendarDay
    /// The next billing date, which opens the next cycle.
    let end: CalendarDay

    /// The cycle `day` falls in for a subscriber billed on `billingDay` (1–31).
    init(containing day: CalendarDay, billingDay: Int) {
        let thisMonth = CalendarDay(year: day.year, month: day.month, clampingDay: billingDay)
        start = thisMonth <= day ? thisMonth : thisMonth.adding(months: -1, day: billingDay)
        end = start.adding(months: 1, day: billingDay)
    }

    var period: String { start.period }
    var days: Int { start.days(until: end) }

    /// The invoice due on `today` for a subscriber billed on `billingDay` whose service started on
    /// `startedOn` (the installation date), at the plan's `price`; nil before the service starts.
    ///
    /// An installation inside the current cycle is invoiced on its own day; with `prorate`, for the
    /// days from installation to the next billing date over the cycle's days, rounded half up to the
    /// whole rupiah (and never below 1). An installation before the cycle started pays the full month.
    /// Only the current cycle is ever due: a month missed entirely (the service down for longer than a
    /// cycle, a subscriber suspended meanwhile) is not invoiced afterwards.
    static func dueInvoice(today: CalendarDay, billingDay: Int, startedOn: CalendarDay, price: Int64, prorate: Bool)
        -> Due?
    {
        guard startedOn <= today else { return nil }
        let cycle = BillingCycle(containing: today, billingDay: billingDay)
        guard cycle.start < startedOn else { return Due(period: cycle.period, invoiceDay: cycle.start, amount: price) }
        guard prorate else { return Due(period: cycle.period, invoiceDay: startedOn, amount: price) }
        let used = Int64(startedOn.days(until: cycle.end))
        let total = Int64(max(cycle.days, 1))
        let amount = max((price * used * 2 + total) / (total * 2), 1)
        return Due(period: cycle.period, invoiceDay: startedOn, amount: amount)
    }

    struct Due: Sendable, Hashable {
        let period: String
        /// The day the invoice is dated; its due date counts from here.
        let invoiceDay: CalendarDay
        let amount: Int64
    }
}
