/// The links between the admin pages and the sign-out button, at the top of each admin page. The entry
/// of the section the page belongs to carries `aria-current`, so the admin (and a screen reader) can
/// tell where they are.
struct AdminNavigation: HTMLComponent {
    let language: Language
    let csrfToken: String
    /// The menu entry's path of the section this page belongs to (`Paths.Admin.orders` on one order).
    let current: String

    var body: HTMLFragment {
        let strings = language.strings
        let content = language.adminContentStrings
        let entries = [
            (Paths.Admin.dashboard, language.adminDashboardStrings.title),
            (Paths.Admin.branding, strings.adminBrandingTitle),
            (Paths.Admin.domains, strings.adminDomainsTitle),
            (Paths.Admin.hotspot, strings.adminHotspotTitle),
            (Paths.Admin.pages, content.pagesTitle),
            (Paths.Admin.profiles, content.profilesTitle),
            (Paths.Admin.vouchers, language.adminVoucherStrings.title),
            (Paths.Admin.subscribers, language.adminSubscriberStrings.subscribersTitle),
            (Paths.Admin.plans, language.adminSubscriberStrings.plansTitle),
            (Paths.Admin.resellers, language.adminResellerStrings.title),
            (Paths.Admin.routers, language.adminRadiusStrings.routersTitle),
            (Paths.Admin.sessions, language.adminRadiusStrings.sessionsTitle),
            (Paths.Admin.billing, language.billingStrings.title),
        ]
        Element.nav(.class("admin-nav"), .ariaLabel(language.adminDashboardStrings.navigationLabel)) {
            for (index, (path, title)) in entries.enumerated() {
                if index > 0 { " · " }
                AdminNavigationLink(path: path, title: title, current: current)
            }
            AdminSalesLinks(strings: language.adminSalesStrings, current: current)
            " · "
            AdminNavigationLink(path: Paths.Admin.finance, title: language.financeStrings.title, current: current)
            " · "
            AdminNavigationLink(path: Paths.Admin.password, title: strings.changePassword, current: current)
            Element.form(.method(.post), .action(SafeURL(Paths.Admin.logout))) {
                HiddenInput(name: "_csrf", value: csrfToken)
                Element.button(.class("button secondary"), .type(.submit)) { strings.adminSignOut }
            }
        }
    }
}

/// One entry of the admin navigation, marked when it is the current page's section.
struct AdminNavigationLink: HTMLComponent {
    let path: String
    let title: String
    let current: String

    var body: HTMLFragment {
        Element.a(.href(SafeURL(path)), path == current ? .ariaCurrent(.page) : .none) { title }
    }
}
