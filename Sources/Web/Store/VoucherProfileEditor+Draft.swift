import Foundation
import Templates

extension VoucherProfileEditor {
    /// A voucher profile as the admin typed it, checked against the same bounds as the table
    /// (`0002_store.sql`) so a bad value is a message next to its field, never a failed statement.
    /// The typed values are kept as they were, to be shown again.
    struct Draft: Sendable {
        typealias Field = AdminProfileFormView.Field
        typealias Unit = AdminProfileFormView.ValidityUnit

        static let maximumPrice: Int64 = 100_000_000
        static let maximumValidityMinutes = 525_600
        static let maximumQuotaMB: Int64 = 10_000_000
        static let maximumKbps = 10_000_000
        static let maximumSharedUsers = 20
        static let codeLengths = 6...16
        /// What the provisioner accepts after the tenant's slug (`<slug>-<group>`), as the table's check does.
        static let radiusGroupCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")

        let values: [String: String]
        private(set) var errors: [String: String] = [:]

        let name: String
        let description: String
        private(set) var price: Int64 = 0
        private(set) var validityMinutes = 0
        private(set) var dataQuotaMB: Int64?
        private(set) var downloadKbps: Int?
        private(set) var uploadKbps: Int?
        private(set) var sharedUsers = 1
        let radiusGroup: String
        private(set) var codeLength = 8
        /// `first_login` or `purchase`, as `voucher_profiles.validity_from` stores it.
        private(set) var validityFrom = "first_login"

        init(values typed: [String: String], strings: AdminContentStrings) {
            var values = typed
            for (key, value) in values where key != Field.description {
                values[key] = value.trimmed
            }
            self.values = values
            name = values[Field.name] ?? ""
            description = (values[Field.description] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            let typedGroup = values[Field.radiusGroup] ?? ""
            radiusGroup = typedGroup.isEmpty ? Self.radiusGroup(fromName: name) : typedGroup

            if name.isEmpty { errors[Field.name] = strings.errorNameMissing }
            if name.count > 80 { errors[Field.name] = strings.errorNameTooLong(80) }
            if description.count > 500 { errors[Field.description] = strings.errorDescriptionTooLong(500) }
            switch Self.price(values[Field.price] ?? "", strings: strings) {
            case .success(let value): price = value
            case .failure(let message): errors[Field.price] = message.text
            }
            let unit = Unit(rawValue: values[Field.validityUnit] ?? "")
            if let unit, let amount = Self.integer(values[Field.validity] ?? "", in: 1...Self.maximumValidityMinutes),
                amount * unit.minutes <= Self.maximumValidityMinutes
            {
                validityMinutes = amount * unit.minutes
            } else {
                errors[Field.validity] = strings.errorValidity
            }
            switch Self.optionalInteger(values[Field.dataQuotaMB], in: 1...Self.maximumQuotaMB) {
            case .some(let quota): dataQuotaMB = quota
            case nil: errors[Field.dataQuotaMB] = strings.errorDataQuota
            }
            switch Self.optionalSpeed(values[Field.downloadKbps]) {
            case .some(let kbps): downloadKbps = kbps
            case nil: errors[Field.downloadKbps] = strings.errorSpeed
            }
            switch Self.optionalSpeed(values[Field.uploadKbps]) {
            case .some(let kbps): uploadKbps = kbps
            case nil: errors[Field.uploadKbps] = strings.errorSpeed
            }
            if let shared = Self.integer(values[Field.sharedUsers] ?? "", in: 1...Self.maximumSharedUsers) {
                sharedUsers = shared
            } else {
                errors[Field.sharedUsers] = strings.errorSharedUsers(Self.maximumSharedUsers)
            }
            if radiusGroup.isEmpty || radiusGroup.count > 48 || !radiusGroup.allSatisfy(Self.radiusGroupCharacters.contains) {
                errors[Field.radiusGroup] = strings.errorRadiusGroup
            }
            // An older form without the field keeps the default, the hotspot custom.
            switch values[Field.validityFrom] ?? "" {
            case "", "first_login": validityFrom = "first_login"
            case "purchase": validityFrom = "purchase"
            default: errors[Field.validityFrom] = strings.errorValidityFrom
            }
            if let length = Self.integer(values[Field.codeLength] ?? "", in: Self.codeLengths) {
                codeLength = length
            } else {
                errors[Field.codeLength] = strings.errorCodeLength(Self.codeLengths.lowerBound, Self.codeLengths.upperBound)
            }
        }

        /// The form's values for an existing profile: validity in the largest whole unit.
        static func values(of profile: VoucherProfile) -> [String: String] {
            let unit = Unit.allCases.last { profile.validityMinutes % $0.minutes == 0 } ?? .minutes
            return [
                Field.name: profile.name, Field.description: profile.description, Field.price: String(profile.price),
                Field.validity: String(profile.validityMinutes / unit.minutes), Field.validityUnit: unit.rawValue,
                Field.dataQuotaMB: profile.dataQuotaMB.map(String.init) ?? "",
                Field.downloadKbps: profile.downloadKbps.map(String.init) ?? "",
                Field.uploadKbps: profile.uploadKbps.map(String.init) ?? "",
                Field.sharedUsers: String(profile.sharedUsers), Field.radiusGroup: profile.radiusGroup,
                Field.codeLength: String(profile.codeLength),
                Field.validityFrom: profile.validityFromPurchase ? "purchase" : "first_login",
            ]
        }

        /// A new profile's starting values.
        static let newProfileValues = [
            Field.validity: "1", Field.validityUnit: Unit.days.rawValue, Field.sharedUsers: "1", Field.codeLength: "8",
            Field.validityFrom: "first_login",
        ]

        /// The group a package gets when none is typed: its name in lower-case ASCII letters and digits,
        /// everything else a single `-` (`Voucher 1 Hari` → `voucher-1-hari`), at most 48 characters.
        static func radiusGroup(fromName name: String) -> String {
            var group = ""
            for scalar in name.lowercased().unicodeScalars {
                if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                    group.unicodeScalars.append(scalar)
                } else if !group.isEmpty, !group.hasSuffix("-") {
                    group.append("-")
                }
            }
            while group.hasSuffix("-") { group.removeLast() }
            let short = String(group.prefix(48))
            return short.hasSuffix("-") ? String(short.dropLast()) : short.isEmpty ? "package" : short
        }

        /// ASCII digits only (no sign, no exponent), within bounds.
        private static func integer<T: FixedWidthInteger>(_ text: String, in bounds: ClosedRange<T>) -> T? {
            guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let value = T(text), bounds.contains(value)
            else { return nil }
            return value
        }

        /// A field's problem in the admin's words.
        struct Message: Error {
            let text: String
        }

        /// A price as an Indonesian writes it (`5000`, `5.000`, `Rp 5.000`) within the table's bounds, or
        /// the message for its field. The monthly plans' form reads its price the same way.
        static func price(_ text: String, strings: AdminContentStrings) -> Result<Int64, Message> {
            do {
                return .success(try RupiahInput(parsing: text, in: 1...maximumPrice).value)
            } catch {
                let text =
                    switch error {
                    case .negative: strings.errorPriceNegative
                    case .fraction: strings.errorPriceFraction
                    case .missing, .characters, .outOfRange:
                        strings.errorPrice(Rupiah.format(maximumPrice).replacingOccurrences(of: "Rp ", with: ""))
                    }
                return .failure(Message(text: text))
            }
        }

        /// `.some(nil)` for an empty field (no limit), `.some(kbps)` for a speed in bounds, nil for anything else.
        static func optionalSpeed(_ text: String?) -> Int?? {
            guard let text, !text.isEmpty else { return .some(nil) }
            return SpeedKbps(parsing: text, maximum: maximumKbps).map { .some($0.kbps) }
        }

        /// `.some(nil)` for an empty field (no limit), `.some(value)` for a number in bounds, nil for anything else.
        private static func optionalInteger(_ text: String?, in bounds: ClosedRange<Int64>) -> Int64?? {
            guard let text, !text.isEmpty else { return .some(nil) }
            return integer(text, in: bounds).map { .some($0) }
        }
    }
}
