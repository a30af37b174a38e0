import Templates

extension SiteChrome {
    static let stylesheetURL = Paths.Assets.stylesheet

    /// The frame of a tenant's pages, in the visitor's language, with language links to this page. Built
    /// for each page rendered, not kept with the site: the pages answered most (the home page, package
    /// pages, refusals) are kept rendered and need no frame, while a kept frame was half of every
    /// site's memory, and so half of how many stores a process can keep at once.
    static func tenant(_ site: TenantSite, language: Language, path: String) -> SiteChrome {
        tenantFrame(site.branding, logoURL: site.logoURL, themeURL: site.themeURL, language: language)
            .linkingLanguages(to: path, sendsWhatsApp: site.sendsWhatsApp)
    }

    /// This frame with its language links pointing at `path`.
    func linkingLanguages(to path: String, sendsWhatsApp: Bool) -> SiteChrome {
        var chrome = self
        chrome.languages = Self.languageLinks(current: language, path: path)
        chrome.sendsWhatsApp = sendsWhatsApp
        return chrome
    }

    /// Everything of the tenant's frame but the language links.
    static func tenantFrame(_ branding: Branding, logoURL: String?, themeURL: String, language: Language) -> SiteChrome {
        let strings = language.strings
        return SiteChrome(
            language: language,
            siteName: branding.displayName,
            tagline: branding.tagline,
            logoURL: logoURL,
            initials: branding.initials,
            themeURL: themeURL,
            stylesheetURL: stylesheetURL,
            whatsAppURL: branding.whatsAppDigits.map { "https://wa.me/\($0)" },
            whatsAppLabel: branding.contactWhatsApp,
            email: branding.contactEmail,
            address: branding.address,
            footerText: branding.footerText,
            navigation: [
                Link(title: strings.home, href: Paths.home),
                Link(title: strings.buyVoucher, href: Paths.catalogue),
                Link(title: strings.customerPortal, href: Paths.Portal.home),
                Link(title: strings.pageHowToBuy, href: Paths.page("how-to-buy")),
            ],
            pages: DefaultContent.slugs.map { Link(title: strings.pageTitle(slug: $0), href: Paths.page($0)) }
        )
    }

    /// The platform's own frame: Gerbang's name, no tenant anywhere.
    static func platform(language: Language, path: String) -> SiteChrome {
        SiteChrome(
            language: language, siteName: "Gerbang", tagline: language.strings.platformTagline, initials: "G",
            stylesheetURL: stylesheetURL, languages: languageLinks(current: language, path: path), showsPoweredBy: false)
    }

    /// Links that switch language on the same page. `address` is the request's own path and query (without
    /// `lang`), never a full URL, so a page's required parameters (an order's token) survive the switch.
    private static func languageLinks(current: Language, path address: String) -> [LanguageLink] {
        // `//host` would be a link to another site; such a path never reaches a page anyway.
        let local = address.hasPrefix("/") && !address.hasPrefix("//") && !address.contains("\\") ? address : Paths.home
        let separator = local.contains("?") ? "&" : "?"
        return Language.allCases.map {
            LanguageLink(language: $0, href: "\(local)\(separator)lang=\($0.rawValue)", isCurrent: $0 == current)
        }
    }
}

extension Strings {
    func pageTitle(slug: String) -> String {
        switch slug {
        case "about": pageAbout
        case "how-to-buy": pageHowToBuy
        case "faq": pageFAQ
        case "terms": pageTerms
        case "privacy": pagePrivacy
        default: slug
        }
    }
}
