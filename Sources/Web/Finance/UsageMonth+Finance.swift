import Foundation

extension UsageMonth {
    /// The month a finance page shows: `YYYY-MM` from the query, else the month `now` falls in for
    /// the tenant (its time zone, not UTC). Only years 2000–2999: a finance month is a real one.
    static func financeMonth(query: String?, now: Date = Date(), timeZone: TimeZone) -> UsageMonth? {
        if let query {
            guard let month = UsageMonth(parsing: query), (2000...2999).contains(month.year) else { return nil }
            return month
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month], from: now)
        return UsageMonth(parsing: String(format: "%04d-%02d", parts.year ?? 2000, parts.month ?? 1))
    }

    /// `YYYY-MM-01`, the first day as PostgreSQL reads a date.
    var firstDay: String { description + "-01" }

    var previous: UsageMonth {
        UsageMonth(parsing: month == 1 ? String(format: "%04d-12", year - 1) : String(format: "%04d-%02d", year, month - 1))
            ?? self
    }

    var next: UsageMonth {
        UsageMonth(parsing: month == 12 ? String(format: "%04d-01", year + 1) : String(format: "%04d-%02d", year, month + 1))
            ?? self
    }

    /// Every date of the month, `YYYY-MM-DD`, with its day number.
    var days: [(date: String, day: Int)] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let start = calendar.date(from: DateComponents(year: year, month: month, day: 1))
        let count = start.flatMap { calendar.range(of: .day, in: .month, for: $0)?.count } ?? 30
        return (1...count).map { (description + String(format: "-%02d", $0), $0) }
    }
}
