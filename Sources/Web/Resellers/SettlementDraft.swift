import Foundation
import Templates

/// A settlement as the admin typed it: an amount, the day the money changed hands (not in the future,
/// at most a year back, in the tenant's time zone), how it was paid and a note.
struct SettlementDraft: Sendable {
    typealias Field = AdminResellerView.SettlementField

    static let maximumAmount: Int64 = 1_000_000_000
    static let noteLimit = 500
    static let methods = ["cash", "bank_transfer"]

    let values: [String: String]
    private(set) var errors: [String: String] = [:]
    private(set) var amount: Int64 = 0
    /// `yyyy-MM-dd`.
    let day: String
    let method: String
    let note: String

    /// - Parameter today: the tenant's date today, `yyyy-MM-dd`.
    init(form: [String: String], today: String, strings: AdminResellerStrings) {
        var values: [String: String] = [:]
        for field in [Field.amount, Field.day, Field.method, Field.note] {
            values[field] = (form[field] ?? "").trimmed
        }
        self.values = values
        do {
            amount = try RupiahInput(parsing: values[Field.amount] ?? "", in: 1...Self.maximumAmount).value
        } catch {
            errors[Field.amount] = strings.errorAmount
        }
        day = values[Field.day] ?? ""
        if SubscriberInput.calendarDate(day) == nil || day > today || day < Self.yearBefore(today) { errors[Field.day] = strings.errorDay }
        method = values[Field.method] ?? ""
        if !Self.methods.contains(method) { errors[Field.method] = strings.errorMethod }
        note = values[Field.note] ?? ""
        if note.count > Self.noteLimit || note.contains(where: \.isNewline) { errors[Field.note] = strings.errorNote }
    }

    static func newValues(today: String) -> [String: String] { [Field.day: today, Field.method: "cash"] }

    /// The same day a year earlier, as text: only compared as a bound, so a 29 February that the earlier
    /// year lacks still orders correctly.
    private static func yearBefore(_ today: String) -> String {
        guard let year = Int(today.prefix(4)) else { return today }
        return String(format: "%04d", year - 1) + today.dropFirst(4)
    }
}
