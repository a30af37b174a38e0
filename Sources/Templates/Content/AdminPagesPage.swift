/// `GET /admin/pages`: the content pages in each language, which ones show the tenant's own text,
/// and a link to edit each.
public struct AdminPagesPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminPagesView

    public init(chrome: SiteChrome, view: AdminPagesView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.adminContentStrings
        return SiteLayout(chrome: chrome, title: words.pagesTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.pages)
            Element.section(.class("panel"), .ariaLabelledBy("pages-heading")) {
                Element.h1(.id("pages-heading")) { words.pagesTitle }
                if view.reverted {
                    FormNotice(words.reverted)
                }
                Element.p { words.pagesIntro }
                Element.div(.class("table-scroll")) {
                    Element.table(.class("list stack admin-pages")) {
                        Element.thead {
                            Element.tr {
                                Element.th(.scope(.col)) { words.columnPage }
                                Element.th(.scope(.col)) { words.columnLanguage }
                                Element.th(.scope(.col)) { words.columnState }
                                Element.th(.scope(.col)) { "" }
                            }
                        }
                        Element.tbody {
                            for entry in view.entries {
                                Element.tr {
                                    Element.td(.data("label", words.columnPage)) { entry.name }
                                    Element.td(.data("label", words.columnLanguage)) { entry.language.nativeName }
                                    Element.td(.data("label", words.columnState)) {
                                        if let version = entry.version {
                                            Element.span(.class("badge edited")) { words.pageIsEdited(version) }
                                        } else {
                                            Element.span(.class("badge")) { words.pageIsDefault }
                                        }
                                    }
                                    Element.td(.data("label", "")) {
                                        Element.a(.href(SafeURL(Paths.Admin.page(entry.slug, entry.language)))) { words.edit }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }.body
    }
}
