@testable import Templates

/// What the page rendering tests share: a store's frame as a visitor's request would get it, and a
/// page's bytes as text.
enum PageRendering {
    /// The frame of a store named with characters that must be escaped, in `language`.
    static func chrome(_ language: Language = .en) -> SiteChrome {
        SiteChrome(language: language, siteName: "Net & Co", initials: "N", stylesheetURL: "/static/site.css")
    }

    static func rendered(_ page: some HTML) -> String {
        String(decoding: page.render(), as: UTF8.self)
    }
}
