import Foundation
import Templates

extension PlanEditor {
    /// A plan as the admin typed it, checked against the table's bounds (`0022_subscriber_billing.sql`)
    /// with the voucher profile form's rules and messages: the same price and speed parsing, the same
    /// RADIUS group characters. The typed values are kept to be shown again.
    struct Draft: Sendable {
        typealias Field = AdminPlanFormView.Field
        typealias ProfileDraft = VoucherProfileEditor.Draft

        /// The group every tenant's isolated subscribers are put in (`<slug>-isolated`): never a plan's.
        static let reservedGroups: Set<String> = ["isolated"]

        let values: [String: String]
        private(set) var errors: [String: String] = [:]

        let name: String
        private(set) var price: Int64 = 0
        private(set) var downloadKbps: Int?
        private(set) var uploadKbps: Int?
        let radiusGroup: String
        let isActive: Bool

        init(values typed: [String: String], strings: AdminContentStrings, words: AdminSubscriberStrings) {
            let values = typed.mapValues(\.trimmed)
            self.values = values
            name = values[Field.name] ?? ""
            let typedGroup = values[Field.radiusGroup] ?? ""
            radiusGroup = typedGroup.isEmpty ? ProfileDraft.radiusGroup(fromName: name) : typedGroup
            // A checkbox sends nothing when cleared.
            isActive = values[Field.isActive] != nil

            if name.isEmpty { errors[Field.name] = strings.errorNameMissing }
            if name.count > 80 { errors[Field.name] = strings.errorNameTooLong(80) }
            switch ProfileDraft.price(values[Field.price] ?? "", strings: strings) {
            case .success(let value): price = value
            case .failure(let message): errors[Field.price] = message.text
            }
            switch ProfileDraft.optionalSpeed(values[Field.downloadKbps]) {
            case .some(let kbps): downloadKbps = kbps
            case nil: errors[Field.downloadKbps] = strings.errorSpeed
            }
            switch ProfileDraft.optionalSpeed(values[Field.uploadKbps]) {
            case .some(let kbps): uploadKbps = kbps
            case nil: errors[Field.uploadKbps] = strings.errorSpeed
            }
            if radiusGroup.isEmpty || radiusGroup.count > 48
                || !radiusGroup.allSatisfy(ProfileDraft.radiusGroupCharacters.contains)
            {
                errors[Field.radiusGroup] = strings.errorRadiusGroup
            } else if Self.reservedGroups.contains(radiusGroup.lowercased()) {
                errors[Field.radiusGroup] = words.errorPlanGroupReserved
            }
        }

        /// The form's values for an existing plan.
        static func values(of plan: Plan) -> [String: String] {
            var values = [
                Field.name: plan.name, Field.price: String(plan.price),
                Field.downloadKbps: plan.downloadKbps.map(String.init) ?? "",
                Field.uploadKbps: plan.uploadKbps.map(String.init) ?? "", Field.radiusGroup: plan.radiusGroup,
            ]
            if plan.isActive { values[Field.isActive] = "on" }
            return values
        }

        static let newPlanValues = [Field.isActive: "on"]
    }
}
