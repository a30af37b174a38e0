/// The fixed strings of `/admin/whatsapp`'s list of the tenant's own senders, in every `Language`.
/// `Language.adminWhatsAppStrings` switches exhaustively, so a missing language is a compile error.
public struct AdminWhatsAppStrings: Sendable {
    public let sendersHeading: String
    public let sendersIntro: String
    public let sendersEmpty: String
    public let addSender: String
    public let editSender: String
    public let deleteSender: String
    public let fieldName: String
    public let fieldNameHint: String
    public let fieldPerMinute: String
    public let fieldPerMinuteHint: String
    public let fieldActive: String
    public let columnToken: String
    public let columnState: String
    public let stateActive: String
    public let stateOff: String
    public let errorName: String
    public let errorPerMinute: String
    /// On an order's page: which sender took a message.
    public let sentThrough: @Sendable (_ sender: String) -> String
    public let platformSender: String
}

extension Language {
    public var adminWhatsAppStrings: AdminWhatsAppStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
