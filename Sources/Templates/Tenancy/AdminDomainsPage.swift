/// `GET/POST /admin/domains`: list (approval state, primary), remove, make primary, add.
public struct AdminDomainsPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminDomainsView

    public init(chrome: SiteChrome, view: AdminDomainsView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminDomainsView.Field
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: strings.adminDomainsTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.domains)
            Element.section(.class("panel"), .ariaLabelledBy("domains-heading")) {
                if view.saved { FormNotice(strings.adminSaved) }
                Element.h1(.id("domains-heading")) { strings.adminDomainsTitle }
                Element.p { strings.adminDomainsIntro }
                if view.domains.isEmpty {
                    Element.p { strings.adminDomainsEmpty }
                }
                Element.ul(.class("domain-list")) {
                    for domain in view.domains {
                        Element.li {
                            Element.strong { domain.name }
                            " · "
                            domain.isApproved ? strings.domainApproved : strings.domainPending
                            if domain.isPrimary {
                                " · "
                                strings.domainPrimary
                            }
                            Element.form(.method(.post), .action(SafeURL(Paths.Admin.removeDomain))) {
                                HiddenInput(name: Field.csrf, value: view.csrfToken)
                                HiddenInput(name: Field.domain, value: domain.name)
                                Element.button(.class("button secondary"), .type(.submit)) { strings.domainRemove }
                                if !domain.isPrimary {
                                    Element.button(
                                        .class("button secondary"), .type(.submit), .formaction(SafeURL(Paths.Admin.makeDomainPrimary))
                                    ) { strings.domainMakePrimary }
                                }
                            }
                        }
                    }
                }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(Paths.Admin.domains)), .novalidate) {
                    FormErrorSummary(state: view.state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(
                        name: Field.domain, label: strings.fieldDomain, state: view.state, hint: strings.fieldDomainHint,
                        required: true)
                    Element.button(.class("button"), .type(.submit)) { strings.domainAdd }
                }
            }
        }.body
    }
}
