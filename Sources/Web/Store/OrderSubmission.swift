import Foundation
import HTTP
import Templates

/// A posted order form, validated: everything `POST /orders` needs to create an order.
struct OrderSubmission: Sendable {
    typealias Field = OrderFormView.Field

    static let maximumQuantity = 5
    static let maximumNameLength = 80
    static let maximumEmailLength = 120

    enum Problem: Sendable, Hashable {
        case phone(IndonesianPhoneNumber.Problem)
        case nameTooLong
        case emailInvalid
        case emailTooLong
        case quantity
        case termsNotAccepted
    }

    enum Validation: Sendable {
        case valid(OrderSubmission)
        /// Problems by field name.
        case invalid([String: Problem])
    }

    let profileID: UUID
    let idempotencyKey: String
    let phone: String
    let name: String
    let email: String
    let quantity: Int

    /// The form as typed, for showing it again.
    static func state(of form: URLEncodedForm) -> FormState {
        var values: [String: String] = [:]
        for name in [Field.phone, Field.name, Field.email, Field.quantity, Field.terms] {
            if let value = form[name] { values[name] = value }
        }
        return FormState(values: values)
    }

    /// The package and key every submit must carry; their absence is no typo but a broken form (400).
    static func identity(of form: URLEncodedForm) throws(HTTPError) -> (profileID: UUID, idempotencyKey: String) {
        guard let profile = form[Field.profile], let profileID = UUID(uuidString: profile) else {
            throw HTTPError(.badRequest, "The form names no package.")
        }
        guard let key = form[Field.idempotencyKey], isValidIdempotencyKey(key) else {
            throw HTTPError(.badRequest, "The form has no valid idempotency key.")
        }
        return (profileID, key)
    }

    /// Validates every field at once, so the buyer sees all problems in one round.
    static func validate(_ form: URLEncodedForm) throws(HTTPError) -> Validation {
        let (profileID, key) = try identity(of: form)
        var problems: [String: Problem] = [:]

        var phone = ""
        do {
            phone = try IndonesianPhoneNumber(parsing: form[Field.phone] ?? "").normalised
        } catch {
            problems[Field.phone] = .phone(error)
        }

        let name = (form[Field.name] ?? "").trimmed
        if name.count > maximumNameLength { problems[Field.name] = .nameTooLong }

        let email = (form[Field.email] ?? "").trimmed
        if email.count > maximumEmailLength {
            problems[Field.email] = .emailTooLong
        } else if !email.isEmpty && !isPlausibleEmail(email) {
            problems[Field.email] = .emailInvalid
        }

        let quantityText = (form[Field.quantity] ?? "1").trimmed
        let quantity = Int(quantityText) ?? 0
        if !(1...maximumQuantity).contains(quantity) { problems[Field.quantity] = .quantity }

        if form[Field.terms] == nil { problems[Field.terms] = .termsNotAccepted }

        guard problems.isEmpty else { return .invalid(problems) }
        return .valid(
            OrderSubmission(
                profileID: profileID, idempotencyKey: key, phone: phone, name: name, email: email, quantity: quantity))
    }

    /// One `@`, a non-empty local part, a dotted domain of letters, digits and hyphens, no spaces.
    /// Deliverability is the mail server's business; this catches typos.
    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
            !local.isEmpty, local.count <= 64, !email.contains(where: { $0.isWhitespace || $0.isNewline })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            }
    }

    /// What `RandomToken.hex(bytes: 16)` makes, with room for other clients' keys: 16–64 of `[0-9a-zA-Z_-]`.
    static func isValidIdempotencyKey(_ key: String) -> Bool {
        (16...64).contains(key.utf8.count)
            && key.utf8.allSatisfy { byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45 || byte == 95
            }
    }
}

extension OrderSubmission.Problem {
    func message(_ strings: Strings) -> String {
        switch self {
        case .phone(.missing): strings.errorPhoneMissing
        case .phone(.characters): strings.errorPhoneCharacters
        case .phone(.notIndonesian): strings.errorPhoneNotIndonesian
        case .phone(.length): strings.errorPhoneLength
        case .nameTooLong: strings.errorNameTooLong
        case .emailInvalid: strings.errorEmailInvalid
        case .emailTooLong: strings.errorEmailTooLong
        case .quantity: strings.errorQuantity(OrderSubmission.maximumQuantity)
        case .termsNotAccepted: strings.errorTermsRequired
        }
    }
}
