import Foundation
import Templates

/// A reseller as the admin typed it, checked against the table's bounds (`0028_resellers.sql`) so a bad
/// value is a message next to its field, never a failed statement. The typed values are kept to be
/// shown again.
struct ResellerDraft: Sendable {
    typealias Field = AdminResellerFormView.Field

    static let nameLimit = 100
    static let maximumCardPrice: Int64 = 100_000_000
    static let newResellerValues = [Field.terms: "commission", Field.commission: "10", Field.active: "on"]

    let values: [String: String]
    private(set) var errors: [String: String] = [:]
    let name: String
    private(set) var whatsApp = ""
    private(set) var terms = Reseller.Terms.commission(percent: 0)
    let isActive: Bool

    init(form: [String: String], strings: AdminResellerStrings) {
        var values: [String: String] = [:]
        for field in [Field.name, Field.whatsApp, Field.terms, Field.commission, Field.cardPrice] {
            values[field] = (form[field] ?? "").trimmed
        }
        if form[Field.active] != nil { values[Field.active] = "on" }
        self.values = values
        isActive = form[Field.active] != nil
        name = values[Field.name] ?? ""
        if name.isEmpty || name.count > Self.nameLimit || name.contains(where: \.isNewline) {
            errors[Field.name] = strings.errorName
        }
        do {
            whatsApp = try IndonesianPhoneNumber(parsing: values[Field.whatsApp] ?? "").normalised
        } catch {
            errors[Field.whatsApp] = strings.errorWhatsApp
        }
        switch values[Field.terms] {
        case "commission":
            let typed = values[Field.commission] ?? ""
            if !typed.isEmpty, typed.utf8.count <= 3, typed.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let percent = Int(typed), (0...100).contains(percent)
            {
                terms = .commission(percent: percent)
            } else {
                errors[Field.commission] = strings.errorCommission
            }
        case "price":
            do {
                terms = .price(try RupiahInput(parsing: values[Field.cardPrice] ?? "", in: 1...Self.maximumCardPrice).value)
            } catch {
                errors[Field.cardPrice] = strings.errorCardPrice
            }
        default:
            errors[Field.terms] = strings.errorTerms
        }
    }

    /// The form's values for a stored reseller.
    static func values(of reseller: Reseller) -> [String: String] {
        var values = [Field.name: reseller.name, Field.whatsApp: reseller.whatsApp ?? ""]
        switch reseller.terms {
        case .commission(let percent):
            values[Field.terms] = "commission"
            values[Field.commission] = String(percent)
        case .price(let price):
            values[Field.terms] = "price"
            values[Field.cardPrice] = String(price)
        }
        if reseller.isActive { values[Field.active] = "on" }
        return values
    }
}

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

    /// The same day a year earlier, as text (29 February falls back to the 28th's order, close enough for a bound).
    private static func yearBefore(_ today: String) -> String {
        guard let year = Int(today.prefix(4)) else { return today }
        return String(format: "%04d", year - 1) + today.dropFirst(4)
    }
}
