/// `GET /head-office` (and a refused `POST /head-office/tenants`): the tenants with this month's figures and the
/// actions on them, a page at a time and found by name, slug or domain, then the form that creates one.
public struct HeadOfficeTenantsPage: HTMLComponent {
    let chrome: SiteChrome
    let view: HeadOfficeTenantsView

    public init(chrome: SiteChrome, view: HeadOfficeTenantsView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.language.headOfficeStrings
        return SiteLayout(chrome: chrome, title: strings.tenantsTitle) {
            HeadOfficeNavigation(strings: strings, signOut: chrome.strings.adminSignOut, csrfToken: view.csrfToken)
            Element.section(.class("panel"), .ariaLabelledBy("tenants-heading")) {
                if let done = view.done { FormNotice(done.message(chrome.language.tenantLifecycleStrings)) }
                Element.h1(.id("tenants-heading")) { strings.tenantsTitle }
                Element.p { strings.tenantsIntro }
                if !view.tenants.isEmpty || !view.query.isEmpty || view.pager != nil {
                    HeadOfficeSearchForm(path: Paths.HeadOffice.home, query: view.query, strings: strings)
                }
                if view.tenants.isEmpty {
                    Element.p { view.query.isEmpty ? strings.tenantsEmpty : strings.searchNothingFound(view.query) }
                } else {
                    Element.div(.class("table-scroll")) { table(strings) }
                    if let pager = view.pager {
                        AdminSalesPagerNavigation(
                            pager: pager, count: strings.tenantCount(pager.totalCount), strings: chrome.language.adminSalesStrings)
                    }
                    Element.p(.class("hint")) { strings.deleteHint }
                }
            }
            createForm(strings)
            if !view.deleted.isEmpty { deletedList(chrome.language.tenantLifecycleStrings) }
        }.body
    }

    private func table(_ strings: HeadOfficeStrings) -> Element {
        Element.table(.class("list stack head-office-table")) {
            Element.caption { strings.figuresCaption(view.period) }
            Element.thead {
                Element.tr {
                    for heading in [
                        strings.columnTenant, strings.columnStatus, strings.columnTier, strings.columnDomains,
                        strings.columnOrders, strings.columnPaidOrders, strings.columnPaidAmount, strings.columnPageViews,
                        chrome.language.adminRadiusStrings.routersTitle, chrome.language.adminRadiusStrings.columnOnline,
                        strings.columnActions,
                    ] {
                        Element.th(.scope(.col)) { heading }
                    }
                }
            }
            Element.tbody {
                for tenant in view.tenants { row(tenant, strings) }
            }
        }
    }

    private func row(_ tenant: HeadOfficeTenantsView.Tenant, _ strings: HeadOfficeStrings) -> Element {
        Element.tr(tenant.isActive ? .none : .class("inactive")) {
            Element.th(.scope(.row)) {
                Element.strong { tenant.name }
                Element.br()
                Element.a(.href(SafeURL(tenant.storeURL))) { "\(tenant.slug).\(view.baseDomain)" }
            }
            Element.td(.data("label", strings.columnStatus)) { tenant.isActive ? strings.statusActive : strings.statusInactive }
            Element.td(.data("label", strings.columnTier)) { strings.tierName(tenant.tier) }
            Element.td(.data("label", strings.columnDomains)) {
                if tenant.domains.isEmpty { strings.noDomains }
                for (index, domain) in tenant.domains.enumerated() {
                    if index > 0 { Element.br() }
                    domain.isApproved ? domain.name : "\(domain.name) (\(chrome.strings.domainPending))"
                }
            }
            Element.td(.class("number"), .data("label", strings.columnOrders)) { String(tenant.figures.orders) }
            Element.td(.class("number"), .data("label", strings.columnPaidOrders)) { String(tenant.figures.paidOrders) }
            Element.td(.class("number"), .data("label", strings.columnPaidAmount)) { Rupiah.format(tenant.figures.paidAmount) }
            Element.td(.class("number"), .data("label", strings.columnPageViews)) { String(tenant.figures.pageViews) }
            Element.td(.class("number"), .data("label", chrome.language.adminRadiusStrings.routersTitle)) { String(tenant.routers) }
            Element.td(.class("number"), .data("label", chrome.language.adminRadiusStrings.columnOnline)) { String(tenant.online) }
            Element.td(.data("label", strings.columnActions)) {
                let action = SafeURL(tenant.isActive ? Paths.HeadOffice.deactivateTenant : Paths.HeadOffice.activateTenant)
                Element.form(.class("inline-actions"), .method(.post), .action(action)) {
                    HiddenInput(name: HeadOfficeTenantsView.Field.csrf, value: view.csrfToken)
                    HiddenInput(name: HeadOfficeTenantsView.Field.slug, value: tenant.slug)
                    Element.button(.class("button secondary"), .type(.submit)) {
                        tenant.isActive ? strings.deactivate : strings.activate
                    }
                    // Deleting asks first, on a page of its own.
                    Element.a(.class("button danger"), .href(SafeURL(Paths.HeadOffice.confirmDelete(tenant.slug)))) { strings.delete }
                }
            }
        }
    }

    private func createForm(_ strings: HeadOfficeStrings) -> Element {
        typealias Field = HeadOfficeTenantsView.Field
        return Element.section(.class("panel"), .ariaLabelledBy("create-heading")) {
            Element.h2(.id("create-heading")) { strings.createTitle }
            Element.form(.class("admin-form"), .method(.post), .action(SafeURL(Paths.HeadOffice.tenants)), .novalidate) {
                FormErrorSummary(state: view.state, message: chrome.strings.formHasErrors)
                HiddenInput(name: Field.csrf, value: view.csrfToken)
                TextField(
                    name: Field.slug, label: strings.fieldSlug, state: view.state,
                    hint: strings.fieldSlugHint(view.baseDomain), required: true, autocomplete: "off")
                TextField(name: Field.name, label: strings.fieldName, state: view.state, required: true)
                SelectField(
                    name: Field.tier, label: strings.fieldTier,
                    options: view.tiers.map { SelectField.Option(value: $0, label: strings.tierName($0)) }, state: view.state,
                    hint: chrome.language.tenantLifecycleStrings.fieldTierHint)
                TextField(
                    name: Field.adminEmail, label: strings.fieldAdminEmail, state: view.state, type: .email,
                    hint: strings.fieldAdminEmailHint, required: true, autocomplete: "off")
                // The password is never written back into the page.
                TextField(
                    name: Field.adminPassword, label: strings.fieldAdminPassword,
                    state: FormState(errors: view.state.errors.filter { $0.key == Field.adminPassword }), type: .password,
                    hint: strings.fieldAdminPasswordHint, required: true, autocomplete: "new-password")
                Element.button(.class("button"), .type(.submit)) { strings.createButton }
            }
        }
    }

    private func deletedList(_ words: TenantLifecycleStrings) -> Element {
        Element.section(.class("panel"), .ariaLabelledBy("deleted-heading")) {
            Element.h2(.id("deleted-heading")) { words.deletedHeading }
            Element.p { words.deletedIntro }
            Element.ul(.class("deleted-tenants")) {
                for tenant in view.deleted {
                    Element.li {
                        Element.form(.class("inline-actions"), .method(.post), .action(SafeURL(Paths.HeadOffice.restoreTenant))) {
                            HiddenInput(name: HeadOfficeTenantsView.Field.csrf, value: view.csrfToken)
                            HiddenInput(name: HeadOfficeTenantsView.Field.slug, value: tenant.slug)
                            Element.span { "\(tenant.name) (\(tenant.slug))" }
                            " "
                            Element.button(.class("button secondary"), .type(.submit)) { words.restore }
                        }
                    }
                }
            }
        }
    }
}
