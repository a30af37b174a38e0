/// The one layout of every public page: header with logo and navigation, main content, footer with
/// contacts, information pages and the language switch. Readable without CSS, no script.
public struct SiteLayout: HTMLComponent {
    let chrome: SiteChrome
    let title: String
    let content: HTMLFragment
    let refresh: Refresh?

    /// A `<meta http-equiv="refresh">` for pages whose job is to send the visitor on (a hotspot's redirect).
    public struct Refresh: Sendable {
        public let seconds: Int
        public let url: SafeURL
        public init(after seconds: Int, to url: SafeURL) {
            self.seconds = seconds
            self.url = url
        }
    }

    public init(chrome: SiteChrome, title: String, refresh: Refresh? = nil, @HTMLBuilder content: () -> HTMLFragment) {
        self.chrome = chrome
        self.title = title
        self.refresh = refresh
        self.content = content()
    }

    public var body: HTMLFragment {
        HTMLDocument(lang: chrome.language.rawValue) {
            Element.head {
                Element.meta(.charset("utf-8"))
                Element.meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
                if let refresh { Element.metaRefresh(after: refresh.seconds, to: refresh.url) }
                Element.title { title == chrome.siteName ? title : "\(title) · \(chrome.siteName)" }
                Element.link(.rel("stylesheet"), .href(SafeURL(chrome.stylesheetURL)))
                if let theme = chrome.themeURL {
                    Element.link(.rel("stylesheet"), .href(SafeURL(theme)))
                }
                // Always an icon: without one the browser asks for /favicon.ico, a 404 on every first visit.
                Element.link(.rel("icon"), .href(SafeURL(chrome.logoURL ?? SiteChrome.defaultIconURL)))
            }
            Element.body {
                Element.a(.class("skip"), .href("#content")) { chrome.strings.skipToContent }
                header
                Element.main(.id("content")) {
                    Element.div(.class("wrap")) {
                        for alert in chrome.alerts { Element.p(.class("form-alert site-alert"), .role("alert")) { alert } }
                        content
                    }
                }
                footer
            }
        }.fragment
    }

    private var header: Element {
        Element.header(.class("site-header")) {
            Element.div(.class("wrap")) {
                Element.a(.class("brand"), .href(SafeURL(chrome.homeURL))) {
                    if let logo = chrome.inlineLogo {
                        Element.img(.src(logo), .alt(""), .width(40), .height(40))
                    } else if let logo = chrome.logoURL {
                        Element.img(.src(SafeURL(logo)), .alt(""), .width(40), .height(40))
                    } else {
                        Element.span(.class("initials"), .ariaHidden) { chrome.initials }
                    }
                    Element.span { chrome.siteName }
                }
                if !chrome.navigation.isEmpty {
                    Element.nav(.class("site-nav"), .ariaLabel(chrome.strings.home)) {
                        Element.ul {
                            for link in chrome.navigation {
                                Element.li { Element.a(.href(SafeURL(link.href))) { link.title } }
                            }
                        }
                    }
                }
            }
        }
    }

    private var footer: Element {
        // Once: each `chrome.strings` is a copy of the whole catalogue of strings, every one of them retained.
        let strings = chrome.strings
        return Element.footer(.class("site-footer")) {
            Element.div(.class("wrap")) {
                Element.section {
                    Element.h2 { chrome.siteName }
                    if !chrome.tagline.isEmpty { Element.p(.class("muted")) { chrome.tagline } }
                    if !chrome.footerText.isEmpty { Element.p { chrome.footerText } }
                    if chrome.showsPoweredBy { Element.p(.class("muted")) { strings.poweredBy } }
                }
                if chrome.whatsAppURL != nil || !chrome.email.isEmpty || !chrome.address.isEmpty {
                    Element.section {
                        Element.h2 { strings.contactUs }
                        Element.ul {
                            if let whatsApp = chrome.whatsAppURL {
                                Element.li {
                                    "\(strings.whatsApp): "
                                    Element.a(.href(SafeURL(whatsApp)), .rel("noopener")) { chrome.whatsAppLabel }
                                }
                            }
                            if !chrome.email.isEmpty {
                                Element.li {
                                    "\(strings.email): "
                                    Element.a(.href(SafeURL("mailto:" + chrome.email))) { chrome.email }
                                }
                            }
                            if !chrome.address.isEmpty { Element.li { "\(strings.address): \(chrome.address)" } }
                        }
                    }
                }
                Element.section {
                    if !chrome.pages.isEmpty {
                        Element.h2 { strings.pagesHeading }
                        Element.ul {
                            for page in chrome.pages {
                                Element.li { Element.a(.href(SafeURL(page.href))) { page.title } }
                            }
                        }
                    }
                    if !chrome.languages.isEmpty {
                        Element.h2 { strings.language }
                        Element.ul {
                            for link in chrome.languages {
                                Element.li {
                                    if link.isCurrent {
                                        Element.strong(.lang(link.language.rawValue)) { link.language.nativeName }
                                    } else {
                                        Element.a(
                                            .href(SafeURL(link.href)), .lang(link.language.rawValue), .hreflang(link.language.rawValue)
                                        ) {
                                            link.language.nativeName
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
