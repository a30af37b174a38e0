/// `GET /admin/profiles`: the tenant's voucher profiles in the store's order, each marked on sale,
/// hidden or deleted, with its buttons (move, hide or show, delete or restore) as CSRF-protected POSTs.
public struct AdminProfilesPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminProfilesView

    public init(chrome: SiteChrome, view: AdminProfilesView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let words = chrome.language.adminContentStrings
        return SiteLayout(chrome: chrome, title: words.profilesTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.profiles)
            Element.section(.class("panel"), .ariaLabelledBy("profiles-heading")) {
                Element.h1(.id("profiles-heading")) { words.profilesTitle }
                if view.saved {
                    FormNotice(strings.adminSaved)
                }
                Element.p { words.profilesIntro }
                Element.p { Element.a(.class("button"), .href(SafeURL(Paths.Admin.newProfile))) { words.newProfile } }
                if view.entries.isEmpty {
                    Element.p(.class("muted")) { words.profilesEmpty }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack admin-profiles")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { words.columnName }
                                    Element.th(.scope(.col)) { words.columnPrice }
                                    Element.th(.scope(.col)) { words.columnValidity }
                                    Element.th(.scope(.col)) { words.fieldRadiusGroup }
                                    Element.th(.scope(.col)) { words.columnState }
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

    private func row(_ entry: AdminProfilesView.Entry, words: AdminContentStrings) -> Element {
        Element.tr(.class(entry.status == .deleted ? "profile-deleted" : "")) {
            Element.td(.data("label", words.columnName)) { Element.a(.href(SafeURL(Paths.Admin.profile(entry.id)))) { entry.name } }
            Element.td(.data("label", words.columnPrice)) { entry.price }
            Element.td(.data("label", words.columnValidity)) { entry.validity }
            Element.td(.data("label", words.fieldRadiusGroup)) { Element.code { entry.radiusGroup } }
            Element.td(.data("label", words.columnState)) {
                switch entry.status {
                case .onSale: Element.span(.class("badge on-sale")) { words.statusOnSale }
                case .hidden: Element.span(.class("badge")) { words.statusHidden }
                case .deleted: Element.span(.class("badge deleted")) { words.statusDeleted }
                }
            }
            Element.td(.data("label", "")) {
                Element.form(.class("profile-actions"), .method(.post), .action(SafeURL(Paths.Admin.profileAction(entry.id, "up")))) {
                    HiddenInput(name: AdminProfileFormView.Field.csrf, value: view.csrfToken)
                    Element.button(.class("button secondary"), .type(.submit), .ariaLabel(words.moveUp + ": " + entry.name)) {
                        "↑"
                    }
                    actionButton(entry, "down", "↓", label: words.moveDown)
                    if entry.status == .onSale {
                        actionButton(entry, "hide", words.hide)
                    } else if entry.status == .hidden {
                        actionButton(entry, "show", words.show)
                    }
                    if entry.status == .deleted {
                        actionButton(entry, "restore", words.restore)
                    } else {
                        actionButton(entry, "delete", words.delete)
                    }
                }
            }
        }
    }

    /// Another button of the row's form, posting to its own action.
    private func actionButton(_ entry: AdminProfilesView.Entry, _ action: String, _ text: String, label: String? = nil) -> Element {
        Element.button(
            .class("button secondary"), .type(.submit), .formaction(SafeURL(Paths.Admin.profileAction(entry.id, action))),
            label.map { .ariaLabel($0 + ": " + entry.name) } ?? .none
        ) { text }
    }
}
