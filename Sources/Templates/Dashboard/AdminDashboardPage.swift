/// `GET /admin`: today's and this month's sales, unpaid invoices, isolated subscribers, online sessions,
/// and the last payments with links to what they paid for.
public struct AdminDashboardPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminDashboardView

    public init(chrome: SiteChrome, view: AdminDashboardView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.adminDashboardStrings
        return SiteLayout(chrome: chrome, title: words.title) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.dashboard)
            Element.section(.class("panel"), .ariaLabelledBy("dashboard-heading")) {
                Element.h1(.id("dashboard-heading")) { words.title }
                Element.ul(.class("dashboard-tiles")) {
                    for tile in view.tiles {
                        Element.li(.class("dashboard-tile")) {
                            Element.span(.class("dashboard-label")) { tile.label }
                            if let path = tile.path {
                                Element.a(.class("dashboard-value"), .href(SafeURL(path))) { tile.value }
                            } else {
                                Element.span(.class("dashboard-value")) { tile.value }
                            }
                            if let detail = tile.detail { Element.span(.class("muted")) { detail } }
                        }
                    }
                }
                Element.p(.class("muted")) { words.salesHint }
            }
            Element.section(.class("panel"), .ariaLabelledBy("dashboard-payments-heading")) {
                Element.h2(.id("dashboard-payments-heading")) { words.lastPayments }
                if view.payments.isEmpty {
                    Element.p(.class("muted")) { words.noPayments }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack dashboard-payments")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { words.columnWhen }
                                    Element.th(.scope(.col)) { words.columnFor }
                                    Element.th(.scope(.col)) { words.columnAmount }
                                    Element.th(.scope(.col)) { words.columnMethod }
                                }
                            }
                            Element.tbody {
                                for payment in view.payments {
                                    Element.tr {
                                        Element.td(.data("label", words.columnWhen)) { payment.when }
                                        Element.td(.data("label", words.columnFor)) {
                                            if let path = payment.path {
                                                Element.a(.href(SafeURL(path))) { payment.subject }
                                            } else {
                                                payment.subject
                                            }
                                        }
                                        Element.td(.data("label", words.columnAmount)) { payment.amount }
                                        Element.td(.data("label", words.columnMethod)) { payment.method }
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
