import Foundation

/// Converts between `Date` and PostgreSQL's ISO timestamp text with microsecond precision.
///
/// Done with integer calendar arithmetic rather than `DateFormatter`, which is slow, not
/// thread-safe to share, and rounds fractions to milliseconds.
enum PostgresTimestamp {
    private static let microsecondsPerDay: Int64 = 86_400_000_000

    /// `2024-02-29T23:59:59.123456Z`
    static func format(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let days = floorDivide(micros, microsecondsPerDay)
        let microsOfDay = micros - days * microsecondsPerDay
        let (year, month, day) = civilDate(fromDaysSinceEpoch: days)
        let seconds = microsOfDay / 1_000_000
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + "T"
            + padded(seconds / 3600, 2) + ":" + padded(seconds / 60 % 60, 2) + ":" + padded(seconds % 60, 2)
            + "." + padded(microsOfDay % 1_000_000, 6) + "Z"
    }

    /// Reads `2024-02-29 23:59:59.123456+00`, `…+05:30`, `…Z`, no offset (UTC) or a bare date.
    static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(minimumDigits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var micros = daysSinceEpoch(year: year, month: month, day: day) * microsecondsPerDay
        if scanner.isAtEnd { return date(micros) }
        guard scanner.skip(" ") || scanner.skip("T"),
            let hour = scanner.number(digits: 2), scanner.skip(":"),
            let minute = scanner.number(digits: 2), scanner.skip(":"),
            let second = scanner.number(digits: 2), hour <= 24, minute < 60, second <= 60
        else { return nil }
        micros += ((hour * 60 + minute) * 60 + second) * 1_000_000
        if scanner.skip(".") {
            guard case (let fraction, let digits)? = scanner.fraction() else { return nil }
            micros += digits <= 6 ? fraction * pow10(6 - digits) : (fraction + pow10(digits - 6) / 2) / pow10(digits - 6)
        }
        if scanner.skip("Z") {
            return scanner.isAtEnd ? date(micros) : nil
        }
        if scanner.isAtEnd { return date(micros) }
        let sign: Int64
        if scanner.skip("+") { sign = 1 } else if scanner.skip("-") { sign = -1 } else { return nil }
        guard let offsetHours = scanner.number(digits: 2) else { return nil }
        var offsetSeconds = offsetHours * 3600
        if scanner.skip(":") {
            guard let offsetMinutes = scanner.number(digits: 2) else { return nil }
            offsetSeconds += offsetMinutes * 60
            if scanner.skip(":") {
                guard let extraSeconds = scanner.number(digits: 2) else { return nil }
                offsetSeconds += extraSeconds
            }
        }
        guard scanner.isAtEnd else { return nil }
        return date(micros - sign * offsetSeconds * 1_000_000)
    }

    private static func date(_ microsSinceEpoch: Int64) -> Date {
        // Split so the whole seconds stay exact in the Double.
        let seconds = floorDivide(microsSinceEpoch, 1_000_000)
        let fraction = microsSinceEpoch - seconds * 1_000_000
        return Date(timeIntervalSince1970: Double(seconds) + Double(fraction) / 1_000_000)
    }

    // Howard Hinnant's days-from-civil and civil-from-days algorithms (proleptic Gregorian).
    private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(fromDaysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func pow10(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(1) { result, _ in result * 10 }
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A cursor over ASCII digits and punctuation, for the timestamp parser.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int64? {
        guard case (let value, let count)? = digitRun(limit: digits), count == digits else { return nil }
        return value
    }

    mutating func number(minimumDigits: Int) -> Int64? {
        guard case (let value, let count)? = digitRun(limit: 9), count >= minimumDigits else { return nil }
        return value
    }

    /// Up to 12 digits after the decimal point, with how many there were.
    mutating func fraction() -> (Int64, Int)? { digitRun(limit: 12) }

    private mutating func digitRun(limit: Int) -> (Int64, Int)? {
        var value: Int64 = 0
        var count = 0
        while index < bytes.count, count < limit, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            index += 1
            count += 1
        }
        return count > 0 ? (value, count) : nil
    }
}
