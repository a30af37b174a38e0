/// The audit trail of a tenant (its admin) or of the whole platform (head office): filters, one page
/// of entries, the links to the next pages. Every value is text, escaped by construction.
public struct AuditTrailPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AuditTrailView

    public init(chrome: SiteChrome, view: AuditTrailView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AuditTrailView.Field
        let sales = chrome.language.adminSalesStrings
        return SiteLayout(chrome: chrome, title: sales.auditTitle) {
            if view.isHeadOffice {
                HeadOfficeNavigation(
                    strings: chrome.language.headOfficeStrings, signOut: chrome.strings.adminSignOut, csrfToken: view.csrfToken)
            } else {
                AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.audit)
            }
            Element.section(.class("panel"), .ariaLabelledBy("audit-heading")) {
                Element.h1(.id("audit-heading")) { sales.auditTitle }
                Element.p { sales.auditIntro }
                Element.form(.class("admin-search"), .method(.get), .action(SafeURL(view.path)), .role("search")) {
                    TextField(name: Field.actor, label: sales.labelActor, state: view.filters, type: .search)
                    TextField(name: Field.action, label: sales.labelAction, state: view.filters, type: .search)
                    TextField(name: Field.from, label: sales.filterFrom, state: view.filters)
                    TextField(name: Field.to, label: sales.filterTo, state: view.filters)
                    Element.div(.class("admin-search-actions")) {
                        Element.button(.class("button"), .type(.submit)) { sales.searchButton }
                        Element.a(.class("button secondary"), .href(SafeURL(view.path))) { sales.clearFilters }
                    }
                }
                AdminSalesTable(
                    headers: [sales.labelWhen]
                        + (view.isHeadOffice ? [sales.labelTenant] : [])
                        + [sales.labelActor, sales.labelAction, sales.labelSubject, sales.labelAddress],
                    rows: view.rows.map { row in
                        [HTMLFragment { row.when }]
                            + (view.isHeadOffice ? [HTMLFragment { row.tenant }] : [])
                            + [
                                HTMLFragment { row.actor }, HTMLFragment { row.action }, HTMLFragment { row.subject },
                                HTMLFragment { row.address },
                            ]
                    }, emptyText: sales.noAuditEntries)
                AdminSalesPagerNavigation(pager: view.pager, count: sales.auditEntryCount(view.pager.totalCount), strings: sales)
            }
        }.body
    }
}
