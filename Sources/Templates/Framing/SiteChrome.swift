/// The frame around every page of one site: who it belongs to, how it looks, where it links.
/// The platform site and every tenant site use the same layout with their own chrome.
public struct SiteChrome: Sendable {
    public struct Link: Sendable, Hashable {
        public let title: String
        public let href: String
        public init(title: String, href: String) {
            self.title = title
            self.href = href
        }
    }

    public struct LanguageLink: Sendable, Hashable {
        public let language: Language
        public let href: String
        public let isCurrent: Bool
        public init(language: Language, href: String, isCurrent: Bool) {
            self.language = language
            self.href = href
            self.isCurrent = isCurrent
        }
    }

    public var language: Language
    public var siteName: String
    public var tagline: String
    /// `/brand/logo?v=…`, or nil to show `initials` in the brand colour.
    public var logoURL: String?
    public var initials: String
    /// `/brand/theme.css?v=…`; nil on the platform site.
    public var themeURL: String?
    public var stylesheetURL: String
    /// `https://wa.me/<digits>`
    public var whatsAppURL: String?
    public var whatsAppLabel: String
    public var email: String
    public var address: String
    public var footerText: String
    public var navigation: [Link]
    public var pages: [Link]
    public var languages: [LanguageLink]
    public var showsPoweredBy: Bool
    /// Where the brand links: `/` on the live site, a relative file in a static export.
    public var homeURL: String
    /// The customer portal: `/portal` on the live site, the live store's absolute URL in a static export.
    public var portalURL: String
    /// Whether a WhatsApp sender serves this site, so its pages may promise codes by WhatsApp.
    public var sendsWhatsApp = true
    /// Warnings the layout shows at the top of every page of this frame (the admin's, when something
    /// the store relies on is missing).
    public var alerts: [String] = []
    /// A logo given as bytes rather than a URL (the admin's preview of a logo not saved yet); wins over `logoURL`.
    public var inlineLogo: SafeURL?

    public init(
        language: Language, siteName: String, tagline: String = "", logoURL: String? = nil, initials: String,
        themeURL: String? = nil, stylesheetURL: String, whatsAppURL: String? = nil, whatsAppLabel: String = "",
        email: String = "", address: String = "", footerText: String = "", navigation: [Link] = [], pages: [Link] = [],
        languages: [LanguageLink] = [], showsPoweredBy: Bool = true, homeURL: String = Paths.home,
        portalURL: String = Paths.Portal.home
    ) {
        self.language = language
        self.siteName = siteName
        self.tagline = tagline
        self.logoURL = logoURL
        self.initials = initials
        self.themeURL = themeURL
        self.stylesheetURL = stylesheetURL
        self.whatsAppURL = whatsAppURL
        self.whatsAppLabel = whatsAppLabel
        self.email = email
        self.address = address
        self.footerText = footerText
        self.navigation = navigation
        self.pages = pages
        self.languages = languages
        self.showsPoweredBy = showsPoweredBy
        self.homeURL = homeURL
        self.portalURL = portalURL
    }

    public var strings: Strings { language.strings }

    /// The neutral icon of a site without a logo of its own (a static asset).
    public static let defaultIconURL = Paths.Assets.icon
}
