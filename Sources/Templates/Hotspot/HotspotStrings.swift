/// The fixed strings of a tenant's MikroTik hotspot pages, in every `Language`.
///
/// They live beside the hotspot templates rather than in `Strings` because only the exported router
/// pages use them; `Language.hotspotStrings` switches exhaustively, so a missing language or a missing
/// string is still a compile error.
public struct HotspotStrings: Sendable {
    // Login
    public let loginTitle: String
    public let loginIntro: String
    public let voucherCode: String
    public let voucherCodeHint: String
    public let logIn: String
    public let accountToggle: String
    public let username: String
    public let password: String
    public let buyHeading: String
    public let buyText: String
    public let buyButton: String
    public let needsJavaScript: String

    // After login, status, logout
    public let loggedInTitle: String
    public let loggedInText: String
    public let continueBrowsing: String
    public let statusTitle: String
    public let statusLink: String
    public let welcome: String
    public let ipAddress: String
    public let macAddress: String
    public let uptime: String
    public let downloaded: String
    public let uploaded: String
    public let timeLeft: String
    public let logOut: String
    public let loggedOutTitle: String
    public let loggedOutText: String
    public let logInAgain: String

    // Errors and redirects
    public let errorTitle: String
    public let tryAgain: String
    public let redirectTitle: String
    public let redirectText: String

    // Router messages (`$(error)`), shown instead of MikroTik's English text
    public let errorInvalidCredentials: String
    public let errorSessionLimit: String
    public let errorUptimeLimit: String
    public let errorTrafficLimit: String
    public let errorWrongDevice: String
    public let errorServerNotResponding: String
    public let errorBusy: String
    public let errorNoChallenge: String
    public let errorNoAddress: String
}

extension Language {
    /// The hotspot pages' strings in this language.
    public var hotspotStrings: HotspotStrings {
        switch self {
        case .id: .indonesian
        case .en: .english
        }
    }
}
