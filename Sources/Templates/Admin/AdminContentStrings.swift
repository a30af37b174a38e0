/// The fixed strings of the tenant admin's content pages and voucher profiles, in every `Language`.
///
/// They live in their own catalogue rather than in `Strings` so that several admin areas can grow
/// at once without colliding on one memberwise initialiser; `Language.adminContentStrings` switches
/// exhaustively, so a missing language or a missing string is still a compile error.
public struct AdminContentStrings: Sendable {
    // Content pages: the list
    public let pagesTitle: String
    public let pagesIntro: String
    public let columnPage: String
    public let columnLanguage: String
    public let columnState: String
    public let pageIsDefault: String
    public let pageIsEdited: @Sendable (_ version: Int) -> String
    public let edit: String
    public let reverted: String

    // Content pages: the editor
    public let editPageHeading: @Sendable (_ page: String, _ language: String) -> String
    public let fieldTitle: String
    public let fieldMarkdown: String
    public let fieldMarkdownHint: String
    public let previewHeading: String
    public let revert: String
    public let revertHint: String
    public let openPublicPage: String
    public let historyHeading: String
    public let historyEntry: @Sendable (_ version: Int, _ savedBy: String, _ savedAt: String) -> String
    public let errorTitleMissing: String
    public let errorTitleTooLong: @Sendable (_ characters: Int) -> String
    public let errorMarkdownMissing: String
    public let errorMarkdownTooLong: @Sendable (_ kibibytes: Int) -> String

    // Voucher profiles: the list
    public let profilesTitle: String
    public let profilesIntro: String
    public let profilesEmpty: String
    public let newProfile: String
    public let columnName: String
    public let columnPrice: String
    public let columnValidity: String
    public let statusOnSale: String
    public let statusHidden: String
    public let statusDeleted: String
    public let hide: String
    public let show: String
    public let delete: String
    public let restore: String
    public let moveUp: String
    public let moveDown: String

    // Voucher profiles: the form
    public let editProfile: String
    public let createProfile: String
    public let soldVouchersNote: String
    public let fieldName: String
    public let fieldDescription: String
    public let fieldPrice: String
    public let fieldPriceHint: String
    public let fieldValidity: String
    public let fieldValidityUnit: String
    public let unitMinutes: String
    public let unitHours: String
    public let unitDays: String
    public let fieldDataQuota: String
    public let fieldDataQuotaHint: String
    public let fieldDownloadKbps: String
    public let fieldUploadKbps: String
    public let fieldSpeedHint: String
    public let fieldSharedUsers: String
    public let fieldRadiusGroup: String
    public let fieldRadiusGroupHint: String
    public let fieldCodeLength: String
    public let errorNameMissing: String
    public let errorNameTooLong: @Sendable (_ characters: Int) -> String
    public let errorDescriptionTooLong: @Sendable (_ characters: Int) -> String
    public let errorPrice: @Sendable (_ maximum: String) -> String
    public let errorValidity: String
    public let errorValidityFrom: String
    public let fieldValidityFrom: String
    public let validityFromFirstLogin: String
    public let validityFromPurchase: String
    public let errorDataQuota: String
    public let errorSpeed: String
    public let errorSharedUsers: @Sendable (_ maximum: Int) -> String
    public let errorPriceNegative: String
    public let errorPriceFraction: String
    public let errorRadiusGroup: String
    public let errorRadiusGroupHasSoldVouchers: String
    public let errorRadiusGroupTaken: String
    public let errorCodeLength: @Sendable (_ minimum: Int, _ maximum: Int) -> String
}

extension Language {
    /// The admin content and profile pages' strings in this language.
    public var adminContentStrings: AdminContentStrings {
        switch self {
        case .id: .indonesian
        case .en: .english
        }
    }
}
