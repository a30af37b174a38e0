/// The links between the head-office pages and the sign-out button, at the top of each of them.
struct HeadOfficeNavigation: HTMLComponent {
    let strings: HeadOfficeStrings
    let signOut: String
    let csrfToken: String

    var body: HTMLFragment {
        Element.nav(.class("admin-nav head-office-nav"), .ariaLabel(strings.navigationLabel)) {
            Element.a(.href(SafeURL(Paths.HeadOffice.home))) { strings.tenantsTitle }
            " · "
            Element.a(.href(SafeURL(Paths.HeadOffice.domains))) { strings.domainsTitle }
            " · "
            Element.a(.href(SafeURL(Paths.HeadOffice.gateways))) { strings.gatewaysTitle }
            " · "
            Element.a(.href(SafeURL(Paths.HeadOffice.finance))) { strings.financeTitle }
            " · "
            Element.a(.href(SafeURL(Paths.HeadOffice.accounts))) { strings.accountsTitle }
            " · "
            Element.a(.href(SafeURL(Paths.HeadOffice.audit))) { strings.auditTitle }
            Element.form(.method(.post), .action(SafeURL(Paths.HeadOffice.logout))) {
                HiddenInput(name: "_csrf", value: csrfToken)
                Element.button(.class("button secondary"), .type(.submit)) { signOut }
            }
        }
    }
}
