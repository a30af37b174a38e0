/// The links between the admin pages and the sign-out button, at the top of each admin page.
struct AdminNavigation: HTMLComponent {
    let language: Language
    let csrfToken: String

    var body: HTMLFragment {
        let strings = language.strings
        let content = language.adminContentStrings
        Element.nav(.class("admin-nav")) {
            Element.a(.href(SafeURL(Paths.Admin.dashboard))) { language.adminDashboardStrings.title }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.branding))) { strings.adminBrandingTitle }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.domains))) { strings.adminDomainsTitle }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.hotspot))) { strings.adminHotspotTitle }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.pages))) { content.pagesTitle }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.profiles))) { content.profilesTitle }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.vouchers))) { language.adminVoucherStrings.title }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.subscribers))) { language.adminSubscriberStrings.subscribersTitle }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.plans))) { language.adminSubscriberStrings.plansTitle }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.resellers))) { language.adminResellerStrings.title }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.routers))) { language.adminRadiusStrings.routersTitle }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.sessions))) { language.adminRadiusStrings.sessionsTitle }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.billing))) { language.billingStrings.title }
            AdminSalesLinks(strings: language.adminSalesStrings)
            " · "
            Element.a(.href(SafeURL(Paths.Admin.finance))) { language.financeStrings.title }
            " · "
            Element.a(.href(SafeURL(Paths.Admin.password))) { strings.changePassword }
            Element.form(.method(.post), .action(SafeURL(Paths.Admin.logout))) {
                HiddenInput(name: "_csrf", value: csrfToken)
                Element.button(.class("button secondary"), .type(.submit)) { strings.adminSignOut }
            }
        }
    }
}
