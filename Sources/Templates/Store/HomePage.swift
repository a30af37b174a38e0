/// A tenant's home: hero with its brand, the voucher catalogue, the portal, the information pages.
public struct HomePage: HTMLComponent {
    let chrome: SiteChrome
    let view: HomeView
    /// Shown above the hero: the admin's preview bar on a branding preview, nothing on the store.
    let banner: HTMLFragment

    public init(chrome: SiteChrome, view: HomeView, banner: HTMLFragment = HTMLFragment()) {
        self.chrome = chrome
        self.view = view
        self.banner = banner
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: chrome.siteName) {
            banner
            Element.section(.class("hero")) {
                Element.h1 { chrome.siteName }
                if !chrome.tagline.isEmpty { Element.p { chrome.tagline } }
                Element.div(.class("actions")) {
                    Element.a(.class("button accent"), .href("#catalogue")) { strings.heroCallToAction }
                    Element.a(.class("button secondary"), .href(SafeURL(chrome.portalURL))) { strings.heroPortalCallToAction }
                }
            }
            Element.section(.id("catalogue"), .ariaLabelledBy("catalogue-heading")) {
                Element.h2(.id("catalogue-heading")) { strings.catalogueHeading }
                if view.packages.isEmpty {
                    Element.p(.class("panel muted")) { strings.catalogueEmpty }
                } else {
                    Element.ul(.class("cards")) {
                        for package in view.packages {
                            Element.li(.class("card")) {
                                Element.h3 { package.name }
                                Element.div(.class("price")) { package.price }
                                Element.ul { for detail in package.details { Element.li { detail } } }
                                Element.a(.class("button"), .href(SafeURL(package.href))) { strings.buyVoucher }
                            }
                        }
                    }
                }
            }
            Element.section(.class("panel")) {
                Element.h2 { strings.subscriberHeading }
                Element.p { strings.subscriberText }
                Element.a(.class("button secondary"), .href(SafeURL(chrome.portalURL))) { strings.customerPortal }
            }
        }.body
    }
}
