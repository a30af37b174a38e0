/// The fixed strings of the billing settings, the message texts page and an invoice's pay-link section,
/// with the built-in WhatsApp texts, in every `Language`. `Language.billingStrings` switches
/// exhaustively, so a missing language or string is a compile error.
public struct BillingStrings: Sendable {
    // Settings
    public let title: String
    public let intro: String
    public let fieldTimeZone: String
    public let timeZoneHint: String
    public let timeZoneJakarta: String
    public let timeZoneMakassar: String
    public let timeZoneJayapura: String
    public let fieldProrate: String
    public let prorateHint: String
    public let fieldDueDays: String
    public let dueDaysHint: String
    public let fieldGraceDays: String
    public let graceDaysHint: String
    public let fieldReminderDays: String
    public let reminderDaysHint: String
    public let errorTimeZone: String
    public let errorDueDays: String
    public let errorGraceDays: String
    public let errorReminderDays: String

    // Message texts
    public let messagesTitle: String
    public let messagesIntro: String
    public let messagesHint: String
    public let messageLabel: @Sendable (_ kind: BillingMessageKind, _ language: String) -> String
    public let errorMessageTooLong: String
    public let errorMessageNeedsLink: String
    public let errorUnknownPlaceholder: @Sendable (_ name: String) -> String

    // An invoice's pay link
    public let payLinkHeading: String
    public let payLinkIntro: String
    public let reissueLink: String
    public let resendLink: String
    public let newLinkShown: String
    public let resendQueued: @Sendable (_ phone: String) -> String
    public let noWhatsAppNumber: String
    public let notPayable: String
    public let messagesSentHeading: String
    public let noMessagesSent: String
    public let messageKindName: @Sendable (BillingMessageKind) -> String

    /// The built-in WhatsApp text of each message, used where the tenant has not written its own.
    public let defaultMessage: @Sendable (BillingMessageKind) -> String
}

extension Language {
    public var billingStrings: BillingStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
