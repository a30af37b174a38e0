import Foundation
import Templates

/// An expense as the admin typed it, checked: a real date, one of the fixed categories, a whole rupiah
/// amount read by `RupiahInput` (never negative, never beyond `maximumAmount`), a note of at most 500
/// characters. What was typed is kept to be shown again beside the messages.
struct ExpenseDraft: Sendable {
    typealias Field = AdminExpenseFormView.Field

    /// One hundred billion rupiah: more than any one bill of an ISP, far inside what a sum can hold.
    static let maximumAmount: Int64 = 100_000_000_000

    let values: [String: String]
    private(set) var errors: [String: String] = [:]
    private(set) var date = ""
    let category: String
    private(set) var amount: Int64 = 0
    let note: String

    init(form: [String: String], strings: FinanceStrings) {
        var values: [String: String] = [:]
        for field in [Field.date, Field.category, Field.amount, Field.note] {
            values[field] = (form[field] ?? "").trimmed
        }
        self.values = values
        category = values[Field.category] ?? ""
        note = values[Field.note] ?? ""
        if let date = SubscriberInput.calendarDate(values[Field.date] ?? "") {
            self.date = date
        } else {
            errors[Field.date] = strings.errorDate
        }
        if !AdminExpenseFormView.categories.contains(category) { errors[Field.category] = strings.errorCategory }
        do {
            amount = try RupiahInput(parsing: values[Field.amount] ?? "", in: 1...Self.maximumAmount).value
        } catch {
            errors[Field.amount] =
                switch error {
                case .negative: strings.errorAmountNegative
                case .fraction: strings.errorAmountFraction
                case .missing, .characters, .outOfRange:
                    strings.errorAmount(Rupiah.format(Self.maximumAmount).replacingOccurrences(of: "Rp ", with: ""))
                }
        }
        if note.count > 500 { errors[Field.note] = strings.errorNoteTooLong }
    }

    /// The form's values for a stored expense.
    static func values(of expense: Expense) -> [String: String] {
        [
            Field.date: expense.date, Field.category: expense.category, Field.amount: String(expense.amount),
            Field.note: expense.note,
        ]
    }
}

/// One stored expense.
struct Expense: Sendable, Hashable {
    let id: UUID
    /// `YYYY-MM-DD`
    let date: String
    let category: String
    let amount: Int64
    let note: String
}
