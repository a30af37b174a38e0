/// `alogin.html`: shown after a successful login; sends the customer on to the page they wanted.
struct HotspotLoggedInPage: HTMLComponent {
    let view: HotspotView

    var body: HTMLFragment {
        let strings = view.strings
        return SiteLayout(
            chrome: view.chrome, title: strings.loggedInTitle,
            refresh: .init(after: 2, to: SafeURL(HotspotVariable.linkRedirect))
        ) {
            Element.section(.class("panel")) {
                Element.h1 { strings.loggedInTitle }
                Element.p { strings.loggedInText }
                Element.p { Element.a(.class("button"), .href(SafeURL(HotspotVariable.linkRedirect))) { strings.continueBrowsing } }
                Element.p { Element.a(.href(SafeURL(HotspotVariable.linkStatus))) { strings.statusLink } }
            }
        }.body
    }
}

/// `status.html`: who is logged in, for how long, how much data, and the logout button.
struct HotspotStatusPage: HTMLComponent {
    let view: HotspotView

    var body: HTMLFragment {
        let strings = view.strings
        return SiteLayout(chrome: view.chrome, title: strings.statusTitle) {
            Element.section(.class("panel")) {
                Element.h1 { strings.statusTitle }
                HotspotSessionFacts(strings: strings)
                HotspotVariable.ifSessionTimeLeft
                Element.dl {
                    Element.dt { strings.timeLeft }
                    Element.dd { HotspotVariable.sessionTimeLeft }
                }
                HotspotVariable.endIf
                Element.form(.action(SafeURL(HotspotVariable.linkLogout)), .method(.post)) {
                    Element.input(.type(.hidden), .name("erase-cookie"), .value("true"))
                    Element.button(.class("button"), .type(.submit)) { strings.logOut }
                }
            }
            HotspotBuyPanel(view: view)
        }.body
    }
}

/// `logout.html`: the session that just ended, and a way back in.
struct HotspotLoggedOutPage: HTMLComponent {
    let view: HotspotView

    var body: HTMLFragment {
        let strings = view.strings
        return SiteLayout(chrome: view.chrome, title: strings.loggedOutTitle) {
            Element.section(.class("panel")) {
                Element.h1 { strings.loggedOutTitle }
                Element.p { strings.loggedOutText }
                HotspotSessionFacts(strings: strings)
                Element.p { Element.a(.class("button"), .href(SafeURL(HotspotVariable.linkLogin))) { strings.logInAgain } }
            }
            HotspotBuyPanel(view: view)
        }.body
    }
}

/// The session's numbers as the router reports them. `bytes-in` is what the router received from the
/// customer, so it is their upload.
struct HotspotSessionFacts: HTMLComponent {
    let strings: HotspotStrings

    var body: HTMLFragment {
        Element.dl {
            Element.dt { strings.welcome }
            Element.dd { HotspotVariable.username }
            Element.dt { strings.ipAddress }
            Element.dd { HotspotVariable.ip }
            Element.dt { strings.macAddress }
            Element.dd { HotspotVariable.mac }
            Element.dt { strings.uptime }
            Element.dd { HotspotVariable.uptime }
            Element.dt { strings.downloaded }
            Element.dd { HotspotVariable.bytesOutNice }
            Element.dt { strings.uploaded }
            Element.dd { HotspotVariable.bytesInNice }
        }
    }
}
