/// `error.html`: the router's error, in the tenant's language where `hotspot.js` knows the message.
struct HotspotErrorPage: HTMLComponent {
    let view: HotspotView

    var body: HTMLFragment {
        let strings = view.strings
        return SiteLayout(chrome: view.chrome, title: strings.errorTitle) {
            Element.section(.class("panel")) {
                Element.h1 { strings.errorTitle }
                HotspotErrorMessage()
                Element.p { Element.a(.class("button"), .href(SafeURL(HotspotVariable.linkLogin))) { strings.tryAgain } }
            }
            HotspotBuyPanel(view: view)
            RawHTML(trustedLiteral: "<script src=\"hotspot.js\"></script>")
        }.body
    }
}

/// `redirect.html` and `rlogin.html`: the router sends the browser on to `$(link-redirect)`; the
/// link is there for browsers that do not follow a refresh.
struct HotspotRedirectPage: HTMLComponent {
    let view: HotspotView

    var body: HTMLFragment {
        let strings = view.strings
        return SiteLayout(
            chrome: view.chrome, title: strings.redirectTitle,
            refresh: .init(after: 0, to: SafeURL(HotspotVariable.linkRedirect))
        ) {
            Element.section(.class("panel")) {
                Element.h1 { strings.redirectTitle }
                Element.p {
                    strings.redirectText
                    " "
                    Element.a(.href(SafeURL(HotspotVariable.linkRedirect))) { HotspotVariable.linkRedirect }
                }
            }
        }.body
    }
}
