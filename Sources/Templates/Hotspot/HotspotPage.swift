/// The seven pages a MikroTik hotspot serves from its HTML directory, each rendered from the tenant's
/// `HotspotView` with `SiteLayout`, the layout of the live site.
public enum HotspotPage: String, Sendable, CaseIterable {
    case login, alogin, status, logout, error, redirect, rlogin

    public var fileName: String { rawValue + ".html" }

    public func render(_ view: HotspotView) -> [UInt8] {
        switch self {
        case .login: HotspotLoginPage(view: view).render()
        case .alogin: HotspotLoggedInPage(view: view).render()
        case .status: HotspotStatusPage(view: view).render()
        case .logout: HotspotLoggedOutPage(view: view).render()
        case .error: HotspotErrorPage(view: view).render()
        case .redirect, .rlogin: HotspotRedirectPage(view: view).render()
        }
    }
}

/// The "buy a voucher" way out: a link to the live store, the one host the walled garden lets through.
struct HotspotBuyPanel: HTMLComponent {
    let view: HotspotView

    var body: HTMLFragment {
        Element.section(.class("panel hotspot-buy"), .ariaLabelledBy("buy-heading")) {
            Element.h2(.id("buy-heading")) { view.strings.buyHeading }
            Element.p { view.strings.buyText }
            Element.a(.class("button accent"), .href(SafeURL(view.storeURL))) { view.strings.buyButton }
        }
    }
}

/// `$(error)` as the router fills it in, inside `$(if error)`; `hotspot.js` puts it in the tenant's language.
struct HotspotErrorMessage: HTMLComponent {
    var body: HTMLFragment {
        HotspotVariable.ifError
        Element.p(.class("hotspot-error"), .id("hotspot-error"), .role("alert")) { HotspotVariable.error }
        HotspotVariable.endIf
    }
}
