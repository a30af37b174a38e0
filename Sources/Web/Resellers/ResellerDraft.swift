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
