/// The platform's own site on the bare base domain: what Gerbang is. It lists no tenant.
public struct PlatformHomePage: HTMLComponent {
    let chrome: SiteChrome

    public init(chrome: SiteChrome) {
        self.chrome = chrome
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: chrome.siteName) {
            Element.section(.class("hero")) {
                Element.h1 { chrome.siteName }
                Element.p { strings.platformTagline }
            }
            Element.section(.class("panel")) {
                Element.p { strings.platformIntro }
                Element.ul { for feature in strings.platformFeatures { Element.li { feature } } }
            }
        }.body
    }
}
