/// The links between the admin pages and the sign-out button, at the top of each admin page.
struct AdminNavigation: HTMLComponent {
    let language: Language
    let csrfToken: String

    var body: HTMLFragment {
        let strings = language.strings
        let content = language.adminContentStrings
        Element.nav(.class("admin-nav")) {
            Element.a(.href("/admin")) { language.adminDashboardStrings.title }
            " · "
            Element.a(.href("/admin/branding")) { strings.adminBrandingTitle }
            " · "
            Element.a(.href("/admin/domains")) { strings.adminDomainsTitle }
            " · "
            Element.a(.href("/admin/hotspot")) { strings.adminHotspotTitle }
            " · "
            Element.a(.href("/admin/pages")) { content.pagesTitle }
            " · "
            Element.a(.href("/admin/profiles")) { content.profilesTitle }
            " · "
            Element.a(.href("/admin/vouchers")) { language.adminVoucherStrings.title }
            " · "
            Element.a(.href("/admin/subscribers")) { language.adminSubscriberStrings.subscribersTitle }
            " · "
            Element.a(.href("/admin/plans")) { language.adminSubscriberStrings.plansTitle }
            " · "
            Element.a(.href("/admin/resellers")) { language.adminResellerStrings.title }
            " · "
            Element.a(.href("/admin/routers")) { language.adminRadiusStrings.routersTitle }
            " · "
            Element.a(.href("/admin/sessions")) { language.adminRadiusStrings.sessionsTitle }
            " · "
            Element.a(.href("/admin/billing")) { language.billingStrings.title }
            AdminSalesLinks(strings: language.adminSalesStrings)
            " · "
            Element.a(.href("/admin/finance")) { language.financeStrings.title }
            " · "
            Element.a(.href("/admin/password")) { strings.changePassword }
            Element.form(.method(.post), .action("/admin/logout")) {
                HiddenInput(name: "_csrf", value: csrfToken)
                Element.button(.class("button secondary"), .type(.submit)) { strings.adminSignOut }
            }
        }
    }
}
