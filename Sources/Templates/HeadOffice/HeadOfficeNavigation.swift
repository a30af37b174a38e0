/// The links between the head-office pages and the sign-out button, at the top of each of them.
struct HeadOfficeNavigation: HTMLComponent {
    let strings: HeadOfficeStrings
    let signOut: String
    let csrfToken: String

    var body: HTMLFragment {
        Element.nav(.class("admin-nav head-office-nav"), .ariaLabel(strings.navigationLabel)) {
            Element.a(.href("/head-office")) { strings.tenantsTitle }
            " · "
            Element.a(.href("/head-office/domains")) { strings.domainsTitle }
            " · "
            Element.a(.href("/head-office/gateways")) { strings.gatewaysTitle }
            " · "
            Element.a(.href("/head-office/finance")) { strings.financeTitle }
            " · "
            Element.a(.href("/head-office/accounts")) { strings.accountsTitle }
            " · "
            Element.a(.href("/head-office/audit")) { strings.auditTitle }
            Element.form(.method(.post), .action("/head-office/logout")) {
                HiddenInput(name: "_csrf", value: csrfToken)
                Element.button(.class("button secondary"), .type(.submit)) { signOut }
            }
        }
    }
}
