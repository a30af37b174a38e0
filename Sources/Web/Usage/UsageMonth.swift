import Foundation

/// A calendar month in UTC, the period usage is counted and billed in (`2026-11`).
/// A moment belongs to the month its UTC date falls in: 23:59:59.999 on the last day is still that
/// month, 00:00:00.000 the next day is the next one.
public struct UsageMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1…12.
    public let month: Int

    /// Nil unless `text` is exactly `YYYY-MM` with a month from 01 to 12.
    public init?(parsing text: String) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 7, scalars[4] == "-",
            scalars.enumerated().allSatisfy({ $0.offset == 4 || ("0"..."9").contains($0.element) }),
            let year = Int(String(text.prefix(4))), let month = Int(String(text.suffix(2))),
            (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
    }

    /// The UTC month `date` falls in. Every counted request asks, so it is arithmetic on the day number
    /// (the proleptic Gregorian calendar's civil-from-days conversion) rather than a `Calendar` query,
    /// which showed in the home page's profile; a date out of any sane range falls back to `Calendar`.
    public init(containing date: Date) {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e13 else {
            let parts = UsageMonth.utcCalendar.dateComponents([.year, .month], from: date)
            (year, month) = (parts.year ?? 1970, parts.month ?? 1)
            return
        }
        let shifted = Int((seconds / 86_400).rounded(.down)) + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchBased = (5 * dayOfYear + 2) / 153
        month = marchBased < 10 ? marchBased + 3 : marchBased - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `YYYY-MM`, as stored in `tenant_usage.period`.
    public var description: String {
        let paddedYear = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return paddedYear + (month < 10 ? "-0" : "-") + String(month)
    }

    public static func < (lhs: UsageMonth, rhs: UsageMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
