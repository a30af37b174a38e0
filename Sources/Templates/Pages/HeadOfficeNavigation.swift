/// The links between the head-office pages and the sign-out button, at the top of each of them.
struct HeadOfficeNavigation: HTMLComponent {
    let strings: HeadOfficeStrings
    let signOut: String
    let csrfToken: String

    var body: HTMLFragment {
        Element.nav(.class("admin-nav head-office-nav"), .ariaLabel(strings.navigationLabel)) {
            Element.a(.href("/mgmt")) { strings.tenantsTitle }
            " · "
            Element.a(.href("/mgmt/domains")) { strings.domainsTitle }
            " · "
            Element.a(.href("/mgmt/gateways")) { strings.gatewaysTitle }
            " · "
            Element.a(.href("/mgmt/finance")) { strings.financeTitle }
            " · "
            Element.a(.href("/mgmt/accounts")) { strings.accountsTitle }
            " · "
            Element.a(.href("/mgmt/audit")) { strings.auditTitle }
            Element.form(.method(.post), .action("/mgmt/logout")) {
                HiddenInput(name: "_csrf", value: csrfToken)
                Element.button(.class("button secondary"), .type(.submit)) { signOut }
            }
        }
    }
}
