import HTTP
import Templates

/// A submitted `/admin/billing` form, checked against what the columns accept. The values are kept as
/// typed (trimmed) to be shown again beside their errors.
struct BillingSettingsDraft: Sendable {
    typealias Field = AdminBillingView.Field

    let values: [String: String]
    let errors: [String: String]
    let timeZone: String
    let prorateFirstInvoice: Bool
    let dueDays: Int
    let isolationGraceDays: Int
    let reminderDaysBefore: Int

    init(form: URLEncodedForm, strings: BillingStrings) {
        var values: [String: String] = [:]
        for field in [Field.timeZone, Field.dueDays, Field.graceDays, Field.reminderDays] {
            values[field] = (form[field] ?? "").trimmed
        }
        prorateFirstInvoice = form[Field.prorate] != nil
        if prorateFirstInvoice { values[Field.prorate] = "on" }
        self.values = values
        var errors: [String: String] = [:]
        timeZone = values[Field.timeZone] ?? ""
        if !AdminBillingView.timeZones.contains(timeZone) { errors[Field.timeZone] = strings.errorTimeZone }
        func days(_ field: String, in range: ClosedRange<Int>, error: String) -> Int {
            let text = values[field] ?? ""
            guard text.utf8.count <= 3, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Int(text),
                range.contains(number)
            else {
                errors[field] = error
                return range.lowerBound
            }
            return number
        }
        dueDays = days(Field.dueDays, in: 0...60, error: strings.errorDueDays)
        isolationGraceDays = days(Field.graceDays, in: 0...90, error: strings.errorGraceDays)
        reminderDaysBefore = days(Field.reminderDays, in: 0...30, error: strings.errorReminderDays)
        self.errors = errors
    }
}
