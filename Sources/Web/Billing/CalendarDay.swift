import Foundation

/// A day on the calendar with no time and no zone: a billing date, an installation date, a due date.
/// Arithmetic runs on the Gregorian calendar in UTC, where every day has 24 hours.
struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    /// The day in `year`-`month` numbered `day`, or the month's last day when it is shorter
    /// (a billing day of 31 falls on 28 or 29 February, 30 April …).
    init(year: Int, month: Int, clampingDay day: Int) {
        self.year = year
        self.month = month
        self.day = min(max(day, 1), Self.daysIn(year: year, month: month))
    }

    /// The day `date` falls on in `timeZone`.
    init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Self.calendar
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, clampingDay: parts.day ?? 1)
    }

    /// `2026-11-23` as PostgreSQL writes a `date` in ISO style; nil for anything else.
    init?(iso text: String) {
        guard let day = SubscriberInput.calendarDate(text) else { return nil }
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        self.init(year: parts[0], month: parts[1], clampingDay: parts[2])
    }

    static func daysIn(year: Int, month: Int) -> Int {
        guard let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
            let days = calendar.range(of: .day, in: .month, for: first)
        else { return 28 }
        return days.count
    }

    /// Midnight UTC of the day: how the application reads a `date` column.
    var midnightUTC: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    func adding(days: Int) -> CalendarDay {
        CalendarDay(midnightUTC.addingTimeInterval(Double(days) * 86_400), in: Self.calendar.timeZone)
    }

    /// The same numbered day `months` later (or earlier), clamped to that month's length.
    func adding(months: Int, day wanted: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        return CalendarDay(year: index / 12, month: index % 12 + 1, clampingDay: wanted)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    func days(until later: CalendarDay) -> Int {
        Int((later.midnightUTC.timeIntervalSince(midnightUTC) / 86_400).rounded())
    }

    /// `2026-11`: the invoice period this day's month is.
    var period: String { String(format: "%04d-%02d", year, month) }

    /// `2026-11-23`
    var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
