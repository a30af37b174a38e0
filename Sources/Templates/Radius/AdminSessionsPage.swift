/// `GET /admin/sessions`: who is online on the tenant's routers.
public struct AdminSessionsView: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let router: String
        public let user: String
        public let since: String
        public let address: String
        /// `12 MB / 3 MB`
        public let traffic: String
        public let disconnectPath: String

        public init(router: String, user: String, since: String, address: String, traffic: String, disconnectPath: String) {
            self.router = router
            self.user = user
            self.since = since
            self.address = address
            self.traffic = traffic
            self.disconnectPath = disconnectPath
        }
    }

    public let entries: [Entry]
    /// The outcome of the last Disconnect, already worded.
    public let notice: String?
    public let csrfToken: String

    public init(entries: [Entry], notice: String?, csrfToken: String) {
        self.entries = entries
        self.notice = notice
        self.csrfToken = csrfToken
    }
}

/// `GET /admin/sessions`: one row per open session, each with a Disconnect button (a CSRF-protected POST).
public struct AdminSessionsPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminSessionsView

    public init(chrome: SiteChrome, view: AdminSessionsView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.adminRadiusStrings
        return SiteLayout(chrome: chrome, title: words.sessionsTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.sessions)
            Element.section(.class("panel"), .ariaLabelledBy("sessions-heading")) {
                Element.h1(.id("sessions-heading")) { words.sessionsTitle }
                if let notice = view.notice {
                    Element.p(.class("form-notice"), .role("status")) { notice }
                }
                Element.p { words.sessionsIntro }
                if view.entries.isEmpty {
                    Element.p(.class("muted")) { words.sessionsEmpty }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack admin-sessions")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { words.columnRouter }
                                    Element.th(.scope(.col)) { words.columnUser }
                                    Element.th(.scope(.col)) { words.columnSince }
                                    Element.th(.scope(.col)) { words.columnAddress }
                                    Element.th(.scope(.col)) { words.columnTraffic }
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

    private func row(_ entry: AdminSessionsView.Entry, words: AdminRadiusStrings) -> Element {
        Element.tr {
            Element.td(.data("label", words.columnRouter)) { entry.router }
            Element.td(.data("label", words.columnUser)) { Element.code { entry.user } }
            Element.td(.data("label", words.columnSince)) { entry.since }
            Element.td(.data("label", words.columnAddress)) { entry.address }
            Element.td(.data("label", words.columnTraffic)) { entry.traffic }
            Element.td(.data("label", "")) {
                Element.form(.method(.post), .action(SafeURL(entry.disconnectPath))) {
                    HiddenInput(name: "_csrf", value: view.csrfToken)
                    Element.button(
                        .class("button secondary"), .type(.submit), .ariaLabel(words.disconnect + ": " + entry.user)
                    ) { words.disconnect }
                }
            }
        }
    }
}
