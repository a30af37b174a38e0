/// `GET /admin/routers`: the tenant's routers with their masked secrets, online counts, and a delete
/// button each (a CSRF-protected POST).
public struct AdminRoutersPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminRoutersView

    public init(chrome: SiteChrome, view: AdminRoutersView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let words = chrome.language.adminRadiusStrings
        return SiteLayout(chrome: chrome, title: words.routersTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.routers)
            Element.section(.class("panel"), .ariaLabelledBy("routers-heading")) {
                Element.h1(.id("routers-heading")) { words.routersTitle }
                if view.saved {
                    Element.p(.class("form-notice"), .role("status")) { strings.adminSaved }
                }
                Element.p { words.routersIntro }
                Element.p { Element.a(.class("button"), .href(SafeURL(view.newPath))) { words.newRouter } }
                if view.entries.isEmpty {
                    Element.p(.class("muted")) { words.routersEmpty }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack admin-routers")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { words.fieldName }
                                    Element.th(.scope(.col)) { words.fieldAddress }
                                    Element.th(.scope(.col)) { words.fieldIdentifier }
                                    Element.th(.scope(.col)) { words.fieldKind }
                                    Element.th(.scope(.col)) { words.fieldSecret }
                                    Element.th(.scope(.col)) { words.fieldCoAPort }
                                    Element.th(.scope(.col)) { words.columnOnline }
                                    Element.th(.scope(.col)) { "" }
                                }
                            }
                            Element.tbody {
                                for entry in view.entries { row(entry, words: words) }
                            }
                        }
                    }
                }
            }
        }.body
    }

    private func row(_ entry: AdminRoutersView.Entry, words: AdminRadiusStrings) -> Element {
        Element.tr {
            Element.td(.data("label", words.fieldName)) { Element.a(.href(SafeURL(entry.editPath))) { entry.name } }
            Element.td(.data("label", words.fieldAddress)) { Element.code { entry.address } }
            Element.td(.data("label", words.fieldIdentifier)) { entry.identifier }
            Element.td(.data("label", words.fieldKind)) { entry.kind }
            Element.td(.data("label", words.fieldSecret)) { entry.maskedSecret }
            Element.td(.data("label", words.fieldCoAPort)) { String(entry.coaPort) }
            Element.td(.data("label", words.columnOnline)) { String(entry.online) }
            Element.td(.data("label", "")) {
                Element.form(.method(.post), .action(SafeURL(entry.deletePath))) {
                    HiddenInput(name: AdminRouterFormView.Field.csrf, value: view.csrfToken)
                    Element.button(
                        .class("button secondary"), .type(.submit), .ariaLabel(words.deleteRouter + ": " + entry.name)
                    ) { words.deleteRouter }
                }
            }
        }
    }
}
