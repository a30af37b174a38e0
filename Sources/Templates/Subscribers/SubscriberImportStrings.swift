/// The fixed strings of the subscriber import and export page, in every `Language`.
/// `Language.subscriberImportStrings` switches exhaustively, so a missing language or string is a
/// compile error.
public struct SubscriberImportStrings: Sendable {
    public let title: String
    public let intro: String
    public let columnsHelp: String
    public let fieldFile: String
    public let fieldFileHint: String
    public let check: String
    public let previewHeading: String
    public let summary: @Sendable (_ file: String, _ layout: String, _ accepted: Int, _ rejected: Int) -> String
    public let layoutMikrotik: String
    public let layoutBilling: String
    public let rejectedHeading: String
    public let acceptedHeading: String
    public let moreRows: @Sendable (_ count: Int) -> String
    public let columnLine: String
    public let columnUsername: String
    public let columnReasons: String
    public let columnCustomerNumber: String
    public let columnName: String
    public let columnPlan: String
    public let generatedNumber: String
    public let confirm: @Sendable (_ count: Int) -> String
    public let nothingToImport: String
    public let imported: @Sendable (_ count: Int, _ skipped: Int) -> String
    public let gone: String
    public let changed: String
    public let exportHeading: String
    public let exportIntro: String
    public let exportSubscribers: String
    public let exportInvoices: String
    // Whole-file problems
    public let errorNoFile: String
    public let errorEmpty: String
    public let errorHeaderEncoding: String
    public let errorNoUsername: String
    public let errorTooManyRows: @Sendable (_ max: Int) -> String
    // Row problems
    public let fieldCustomerNumber: String
    public let fieldName: String
    public let fieldPhone: String
    public let fieldEmail: String
    public let fieldAddress: String
    public let fieldUsername: String
    public let fieldPassword: String
    public let fieldBillingDay: String
    public let fieldInstallationDate: String
    public let fieldNotes: String
    public let problemMissing: String
    public let problemTooLong: String
    public let problemCharacters: String
    public let problemOutOfRange: String
    public let problemDate: String
    public let problemPhone: String
    public let problemPhoneNotIndonesian: String
    public let problemPhoneLength: String
    public let reasonEncoding: String
    public let reasonUnterminatedQuote: String
    public let reasonExtraCells: String
    public let reasonInactive: @Sendable (_ mark: String) -> String
    public let reasonPlanMissing: String
    public let reasonPlanUnknown: @Sendable (_ plan: String) -> String
    public let reasonUsernameRepeated: @Sendable (_ line: Int) -> String
    public let reasonCustomerNumberRepeated: @Sendable (_ line: Int) -> String
    public let reasonUsernameTaken: String
    public let reasonCustomerNumberTaken: String
}

extension Language {
    public var subscriberImportStrings: SubscriberImportStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
