import Foundation
import HTTP
import Templates

/// The subscriber form as posted: `SubscriberInput` (the one check of a subscriber's fields) plus what
/// only the form has, the chosen plan's id and, for a new subscriber, an optional portal password;
/// and each problem in the admin's words, next to its field.
struct SubscriberForm: Sendable {
    typealias Field = AdminSubscriberView.Field

    /// The form's own fields; anything else a request carries (a `tenant_id`, say) is never read.
    static let fields = SubscriberInput.Field.allCases.map(\.rawValue) + [Field.plan, Field.portalPassword]

    let input: SubscriberInput
    let planID: UUID?
    /// Nil when left empty.
    let portalPassword: String?
    /// What was typed, to show again (never the portal password).
    let values: [String: String]
    private(set) var errors: [String: String] = [:]

    init(_ form: URLEncodedForm, isNew: Bool, strings: Strings, words: AdminSubscriberStrings) {
        var typed: [String: String] = [:]
        for name in Self.fields where name != Field.portalPassword { typed[name] = form[name] }
        values = typed
        input = SubscriberInput(values: typed, requiresPassword: isNew)
        for (field, problem) in input.problems {
            errors[field.rawValue] = Self.message(problem, field: field, strings: strings, words: words)
        }
        planID = (form[Field.plan] ?? "").trimmed.lowercased().nilIfEmpty.flatMap(UUID.init(uuidString:))
        if planID == nil { errors[Field.plan] = words.errorPlan }
        let password = form[Field.portalPassword] ?? ""
        portalPassword = isNew && !password.isEmpty ? password : nil
        if let portalPassword, !PasswordChange.lengths.contains(portalPassword.count) {
            errors[Field.portalPassword] = words.errorPortalPassword
        }
    }

    static func message(
        _ problem: SubscriberInput.Problem, field: SubscriberInput.Field, strings: Strings, words: AdminSubscriberStrings
    ) -> String {
        switch (problem, field) {
        case (.phone(let phone), _): OrderSubmission.Problem.phone(phone).message(strings)
        case (.missing, _): words.errorMissing
        case (_, .customerNumber): words.errorCustomerNumber
        case (_, .pppoeUsername): words.errorPPPoEUsername
        case (_, .pppoePassword): words.errorPPPoEPassword
        case (_, .billingDay): words.errorBillingDay
        case (_, .email): words.errorEmail
        case (.date, _): words.errorDate
        case (.tooLong, _): words.errorTooLong
        case (.characters, _), (.outOfRange, _): words.errorCharacters
        }
    }

    /// The form's values for an existing subscriber: the PPPoE password blank (kept unless typed).
    static func values(of detail: SubscriberDetail) -> [String: String] {
        let subscriber = detail.subscriber
        return [
            Field.customerNumber: subscriber.customerNumber, Field.name: subscriber.name, Field.phone: subscriber.phone,
            Field.email: subscriber.email, Field.address: subscriber.address, Field.pppoeUsername: subscriber.pppoeUsername,
            Field.plan: subscriber.planID.uuidString.lowercased(), Field.billingDay: String(subscriber.billingDay),
            Field.installationDate: detail.installationDate ?? "", Field.notes: detail.notes,
        ]
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
