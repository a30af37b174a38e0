/// The fixed strings of the tenant admin's resellers, in every `Language`.
/// `Language.adminResellerStrings` switches exhaustively, so a missing language or string is a compile error.
public struct AdminResellerStrings: Sendable {
    public let title: String
    public let intro: String
    public let empty: String
    public let newReseller: String
    public let editReseller: String
    public let createReseller: String
    public let edit: String
    public let fieldName: String
    public let fieldWhatsApp: String
    public let fieldWhatsAppHint: String
    public let fieldTerms: String
    public let fieldTermsHint: String
    public let termsCommission: String
    public let termsPrice: String
    public let fieldCommission: String
    public let fieldCommissionHint: String
    public let fieldCardPrice: String
    public let fieldCardPriceHint: String
    public let fieldActive: String
    public let commissionSummary: @Sendable (Int) -> String
    public let priceSummary: @Sendable (String) -> String
    public let noWhatsApp: String
    public let columnName: String
    public let columnTerms: String
    public let columnTaken: String
    public let columnUsed: String
    public let columnDue: String
    public let columnSettled: String
    public let columnOwes: String
    public let columnCredit: String
    public let columnStatus: String
    public let statusActive: String
    public let statusInactive: String
    public let credit: @Sendable (String) -> String
    public let batchesHeading: String
    public let batchesEmpty: String
    public let columnCreated: String
    public let columnPackage: String
    public let columnCardPrice: String
    public let settlementsHeading: String
    public let settlementsEmpty: String
    public let recordHeading: String
    public let record: String
    public let recorded: String
    public let fieldAmount: String
    public let fieldDay: String
    public let fieldDayHint: String
    public let fieldMethod: String
    public let methodCash: String
    public let methodBankTransfer: String
    public let fieldNote: String
    public let fieldNoteHint: String
    public let columnDay: String
    public let columnRecordedBy: String
    public let errorName: String
    public let errorNameTaken: String
    public let errorWhatsApp: String
    public let errorTerms: String
    public let errorCommission: String
    public let errorCardPrice: String
    public let errorAmount: String
    public let errorDay: String
    public let errorMethod: String
    public let errorNote: String
}

extension Language {
    public var adminResellerStrings: AdminResellerStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
