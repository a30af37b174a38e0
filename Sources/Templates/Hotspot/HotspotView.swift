/// What every exported MikroTik hotspot page needs: the tenant's chrome (the same `SiteLayout` as the
/// live site, with links that work on the router) and the live store that sells vouchers.
public struct HotspotView: Sendable {
    public var chrome: SiteChrome
    /// The store's absolute URL (`https://wifi.example.id/`), reachable before login through the walled garden.
    public var storeURL: String

    public init(chrome: SiteChrome, storeURL: String) {
        self.chrome = chrome
        self.storeURL = storeURL
    }

    var strings: HotspotStrings { chrome.language.hotspotStrings }
}

/// MikroTik's servlet variables. The router substitutes them in the page text; they hold no `<>&"'`,
/// so escaping leaves them intact wherever they stand.
enum HotspotVariable {
    static let linkLoginOnly = "$(link-login-only)"
    static let linkLogin = "$(link-login)"
    static let linkOrig = "$(link-orig)"
    static let linkLogout = "$(link-logout)"
    static let linkStatus = "$(link-status)"
    static let linkRedirect = "$(link-redirect)"
    static let username = "$(username)"
    static let error = "$(error)"
    static let ip = "$(ip)"
    static let mac = "$(mac)"
    static let uptime = "$(uptime)"
    static let bytesInNice = "$(bytes-in-nice)"
    static let bytesOutNice = "$(bytes-out-nice)"
    static let sessionTimeLeft = "$(session-time-left)"
    static let ifError = "$(if error)"
    static let ifSessionTimeLeft = "$(if session-time-left)"
    static let endIf = "$(endif)"
}
