/// `GET /head-office/domains`: pending custom domains of every tenant, each with approve and reject.
public struct HeadOfficeDomainsPage: HTMLComponent {
    let chrome: SiteChrome
    let view: HeadOfficeDomainsView

    public init(chrome: SiteChrome, view: HeadOfficeDomainsView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = HeadOfficeDomainsView.Field
        let strings = chrome.language.headOfficeStrings
        return SiteLayout(chrome: chrome, title: strings.domainsTitle) {
            HeadOfficeNavigation(strings: strings, signOut: chrome.strings.adminSignOut, csrfToken: view.csrfToken)
            Element.section(.class("panel"), .ariaLabelledBy("domains-heading")) {
                if view.saved { FormNotice(chrome.strings.adminSaved) }
                Element.h1(.id("domains-heading")) { strings.domainsTitle }
                Element.p { strings.domainsIntro }
                if view.pending.isEmpty {
                    Element.p { strings.domainsEmpty }
                } else {
                    Element.table(.class("list stack head-office-table")) {
                        Element.thead {
                            Element.tr {
                                Element.th(.scope(.col)) { strings.columnDomain }
                                Element.th(.scope(.col)) { strings.columnTenant }
                                Element.th(.scope(.col)) { strings.columnRequested }
                                Element.th(.scope(.col)) { strings.columnActions }
                            }
                        }
                        Element.tbody {
                            for pending in view.pending {
                                Element.tr {
                                    Element.th(.scope(.row)) { pending.domain }
                                    Element.td(.data("label", strings.columnTenant)) { "\(pending.tenantName) (\(pending.tenantSlug))" }
                                    Element.td(.data("label", strings.columnRequested)) { pending.requested }
                                    Element.td(.data("label", strings.columnActions)) {
                                        Element.form(
                                            .class("inline-actions"), .method(.post), .action(SafeURL(Paths.HeadOffice.approveDomain))
                                        ) {
                                            HiddenInput(name: Field.csrf, value: view.csrfToken)
                                            HiddenInput(name: Field.domain, value: pending.domain)
                                            Element.button(.class("button"), .type(.submit)) { strings.approve }
                                            Element.button(
                                                .class("button secondary"), .type(.submit),
                                                .formaction(SafeURL(Paths.HeadOffice.rejectDomain))
                                            ) { strings.reject }
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
