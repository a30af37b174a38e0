/// The fixed strings of the tenant admin's printed voucher batches, in every `Language`.
/// `Language.adminVoucherStrings` switches exhaustively, so a missing language or string is a compile error.
public struct AdminVoucherStrings: Sendable {
    public let title: String
    public let intro: String
    public let empty: String
    public let generateHeading: String
    public let generate: String
    public let generated: @Sendable (Int) -> String
    public let fieldPackage: String
    public let fieldQuantity: String
    public let fieldQuantityHint: String
    public let fieldCodeLength: String
    public let fieldAlphabet: String
    public let alphabetUnambiguous: String
    public let alphabetDigits: String
    public let alphabetLettersDigits: String
    public let fieldPrefix: String
    public let fieldPrefixHint: String
    public let fieldPassword: String
    public let passwordSame: String
    public let passwordSeparate: String
    public let fieldReseller: String
    public let fieldResellerHint: String
    public let resellerNone: String
    public let columnCreated: String
    public let columnCodes: String
    public let columnUsed: String
    public let columnStatus: String
    public let statusActive: String
    public let statusDisabled: String
    public let print: String
    public let exportCSV: String
    public let disable: String
    public let enable: String
    public let delete: String
    public let deleteRefusedInUse: String
    public let errorPackage: String
    public let errorQuantity: String
    public let errorCodeLength: String
    public let errorAlphabet: String
    public let errorPrefix: String
    public let errorPassword: String
    public let errorReseller: String
    public let errorTooFewCodes: String
    // Printing
    public let printTitle: String
    public let printHint: String
    public let cardsPerPage: String
    public let cardCode: String
    public let cardUser: String
    public let cardPassword: String
    public let cardLogInAt: String
    // CSV
    public let csvCode: String
    public let csvPassword: String
    public let csvPackage: String
    public let csvPrice: String
    public let csvValidity: String
    public let csvReseller: String
    public let csvUsed: String
}

extension Language {
    public var adminVoucherStrings: AdminVoucherStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
