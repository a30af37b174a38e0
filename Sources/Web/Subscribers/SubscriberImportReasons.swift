import Templates

/// A skipped row's reasons in the admin's language: the field and what is wrong with it.
struct SubscriberImportReasons: Sendable {
    let words: SubscriberImportStrings

    func text(_ reason: SubscriberImportReview.Reason) -> String {
        switch reason {
        case .field(let field, let problem): label(field) + ": " + text(problem)
        case .record(.encoding): words.reasonEncoding
        case .record(.unterminatedQuote): words.reasonUnterminatedQuote
        case .record(.extraCells): words.reasonExtraCells
        case .inactive(let mark): words.reasonInactive(mark)
        case .planMissing: words.reasonPlanMissing
        case .planUnknown(let plan): words.reasonPlanUnknown(plan)
        case .usernameRepeated(let line): words.reasonUsernameRepeated(line)
        case .customerNumberRepeated(let line): words.reasonCustomerNumberRepeated(line)
        case .usernameTaken: words.reasonUsernameTaken
        case .customerNumberTaken: words.reasonCustomerNumberTaken
        }
    }

    private func label(_ field: SubscriberInput.Field) -> String {
        switch field {
        case .customerNumber: words.fieldCustomerNumber
        case .name: words.fieldName
        case .phone: words.fieldPhone
        case .email: words.fieldEmail
        case .address: words.fieldAddress
        case .pppoeUsername: words.fieldUsername
        case .pppoePassword: words.fieldPassword
        case .billingDay: words.fieldBillingDay
        case .installationDate: words.fieldInstallationDate
        case .notes: words.fieldNotes
        }
    }

    private func text(_ problem: SubscriberInput.Problem) -> String {
        switch problem {
        case .missing, .phone(.missing): words.problemMissing
        case .tooLong: words.problemTooLong
        case .characters: words.problemCharacters
        case .outOfRange: words.problemOutOfRange
        case .date: words.problemDate
        case .phone(.characters): words.problemPhone
        case .phone(.notIndonesian): words.problemPhoneNotIndonesian
        case .phone(.length): words.problemPhoneLength
        }
    }
}
