/// The fixed strings of the portal's account pages (password change, reset by WhatsApp code) and of
/// the overview's plan and usage, in every `Language`. `Language.portalAccountStrings` switches
/// exhaustively, so a missing language is a compile error.
public struct PortalAccountStrings: Sendable {
    // Navigation and password change
    public let passwordNav: String
    public let passwordIntro: String
    public let passwordChangedOthersSignedOut: String

    // Forgot password
    public let forgotLink: String
    public let forgotTitle: String
    public let forgotIntro: String
    public let sendCode: String
    public let codeSentNotice: String
    public let resetTitle: String
    public let resetIntro: String
    public let fieldCode: String
    public let fieldCodeHint: String
    public let setNewPassword: String
    public let askAgain: String
    public let errorCodeFormat: String
    public let errorCodeWrong: String
    /// The WhatsApp text: seller, code, minutes it works.
    public let codeMessage: @Sendable (_ seller: String, _ code: String, _ minutes: Int) -> String

    // Overview: plan and usage
    public let labelSpeed: String
    public let speedValue: @Sendable (_ down: String, _ up: String) -> String
    public let usageHeading: @Sendable (_ month: String) -> String
    public let usageNone: String
    public let usageSessions: String
    public let usageTimeOnline: String
    public let usageDownload: String
    public let usageUpload: String
    public let usageOnlineNow: String
    public let usageNote: String
    public let duration: @Sendable (_ hours: Int64, _ minutes: Int64) -> String
}

extension Language {
    public var portalAccountStrings: PortalAccountStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
