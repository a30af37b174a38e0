/// `GET /admin/resellers`: the tenant's resellers, each with its codes taken and used and what it owes.
public struct AdminResellersPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminResellersView

    public init(chrome: SiteChrome, view: AdminResellersView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.adminResellerStrings
        return SiteLayout(chrome: chrome, title: words.title) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.resellers)
            Element.section(.class("panel"), .ariaLabelledBy("resellers-heading")) {
                Element.h1(.id("resellers-heading")) { words.title }
                if view.saved { FormNotice(chrome.strings.adminSaved) }
                Element.p { words.intro }
                Element.p { Element.a(.class("button"), .href(SafeURL(view.newPath))) { words.newReseller } }
                if view.entries.isEmpty {
                    Element.p(.class("muted")) { words.empty }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack admin-resellers")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { words.columnName }
                                    Element.th(.scope(.col)) { words.columnTerms }
                                    Element.th(.scope(.col)) { words.columnTaken }
                                    Element.th(.scope(.col)) { words.columnUsed }
                                    Element.th(.scope(.col)) { words.columnOwes }
                                    Element.th(.scope(.col)) { words.columnStatus }
                                }
                            }
                            Element.tbody {
                                for entry in view.entries {
                                    Element.tr {
                                        Element.td(.data("label", words.columnName)) {
                                            Element.a(.href(SafeURL(entry.path))) { entry.name }
                                        }
                                        Element.td(.data("label", words.columnTerms)) { entry.terms }
                                        Element.td(.data("label", words.columnTaken)) { String(entry.taken) }
                                        Element.td(.data("label", words.columnUsed)) { String(entry.used) }
                                        Element.td(.data("label", words.columnOwes)) { entry.balance }
                                        Element.td(.data("label", words.columnStatus)) {
                                            ResellerStatusBadge(isActive: entry.isActive, words: words)
                                        }
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

/// Active or inactive, as a coloured badge.
struct ResellerStatusBadge: HTMLComponent {
    let isActive: Bool
    let words: AdminResellerStrings

    var body: HTMLFragment {
        if isActive {
            Element.span(.class("badge good")) { words.statusActive }
        } else {
            Element.span(.class("badge bad")) { words.statusInactive }
        }
    }
}
