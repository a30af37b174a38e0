/// The fixed strings of the tenant admin's RADIUS pages (routers, sessions) and of a code's usage, in
/// every `Language`. `Language.adminRadiusStrings` switches exhaustively, so a missing language or
/// string is a compile error.
public struct AdminRadiusStrings: Sendable {
    // Routers
    public let routersTitle: String
    public let routersIntro: String
    public let routersEmpty: String
    public let newRouter: String
    public let editRouter: String
    public let createRouter: String
    public let deleteRouter: String
    public let fieldName: String
    public let fieldIdentifier: String
    public let fieldIdentifierHint: String
    public let fieldAddress: String
    public let fieldAddressHint: String
    public let fieldSecret: String
    public let fieldSecretHint: String
    public let fieldSecretKeepHint: String
    public let fieldKind: String
    public let fieldCoAPort: String
    public let kindHotspot: String
    public let kindPPPoE: String
    public let columnOnline: String
    public let errorName: String
    public let errorNameTaken: String
    public let errorIdentifier: String
    public let errorAddress: String
    public let errorAddressTaken: String
    public let errorSecret: String
    public let errorKind: String
    public let errorCoAPort: String

    // Sessions
    public let sessionsTitle: String
    public let sessionsIntro: String
    public let sessionsEmpty: String
    public let columnRouter: String
    public let columnUser: String
    public let columnSince: String
    public let columnAddress: String
    public let columnTraffic: String
    public let disconnect: String
    public let disconnectAcknowledged: String
    public let disconnectRefused: String
    public let disconnectNoAnswer: String

    // A code's usage
    public let codeUnused: String
    public let codeInUseSince: @Sendable (_ since: String) -> String
    public let codeTimeLeft: @Sendable (_ left: String) -> String
    public let codeDataLeft: @Sendable (_ left: String) -> String
    public let codeExpired: String
    public let codeUsedUp: String
    public let codeOnlineNow: String
}

extension Language {
    public var adminRadiusStrings: AdminRadiusStrings {
        switch self {
        case .en: .english
        case .id: .indonesian
        }
    }
}
