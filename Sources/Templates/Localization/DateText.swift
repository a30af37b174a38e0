import Foundation

/// Dates and times shown to people, in the tenant's time zone (default Asia/Jakarta).
public struct DateText: Sendable {
    public let timeZone: TimeZone
    public let language: Language

    public init(timeZoneIdentifier: String, language: Language) {
        self.timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(identifier: "Asia/Jakarta")!
        self.language = language
    }

    private static let monthNames: [Language: [String]] = [
        .id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    ]

    private func components(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

    /// `November 2026`; nil for a month outside 1…12.
    public func month(_ month: Int, of year: Int) -> String? {
        guard (1...12).contains(month), let names = Self.monthNames[language] else { return nil }
        return "\(names[month - 1]) \(year)"
    }

    /// `23 November 2026`
    public func day(_ date: Date) -> String {
        let c = components(date)
        let month = Self.monthNames[language]![(c.month ?? 1) - 1]
        return "\(c.day ?? 1) \(month) \(c.year ?? 1970)"
    }

    /// `2026-11-23`: the day as a date field and SQL's `date` write it.
    public func isoDay(_ date: Date) -> String {
        let c = components(date)
        return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
    }

    /// `23 November 2026 19:05 WIB` (the zone's abbreviation where Indonesia has one).
    public func dayAndTime(_ date: Date) -> String {
        let c = components(date)
        let time = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        return "\(day(date)) \(time) \(zoneLabel(at: date))"
    }

    private func zoneLabel(at date: Date) -> String {
        switch timeZone.identifier {
        case "Asia/Jakarta", "Asia/Pontianak": return "WIB"
        case "Asia/Makassar": return "WITA"
        case "Asia/Jayapura": return "WIT"
        default: return timeZone.abbreviation(for: date) ?? timeZone.identifier
        }
    }
}
