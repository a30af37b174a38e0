/// `GET/POST /admin/payments`: the gateway in use, the tenant's own accounts, and the settings form.
public struct AdminPaymentsPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminPaymentsView

    public init(chrome: SiteChrome, view: AdminPaymentsView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let sales = chrome.language.adminSalesStrings
        return SiteLayout(chrome: chrome, title: sales.paymentsTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.payments)
            Element.section(.class("panel"), .ariaLabelledBy("payments-heading")) {
                Element.h1(.id("payments-heading")) { sales.paymentsTitle }
                if view.saved {
                    FormNotice(strings.adminSaved)
                }
                Element.p { sales.paymentsIntro }
                Element.h2 { sales.inEffectHeading }
                Element.p(.class("in-effect")) {
                    Element.strong { view.inEffect }
                    if let environment = view.inEffectEnvironment {
                        " · " + environment
                    }
                }
                accounts(sales)
            }
            Element.section(.class("panel"), .ariaLabelledBy("payment-settings-heading")) {
                Element.h2(.id("payment-settings-heading")) { sales.settingsHeading }
                settingsForm(strings, sales)
            }
        }.body
    }

    @HTMLBuilder
    private func accounts(_ sales: AdminSalesStrings) -> HTMLFragment {
        Element.h2 { sales.accountsHeading }
        if view.accounts.isEmpty {
            Element.p(.class("muted")) { sales.noAccounts }
        } else {
            Element.ul(.class("gateway-accounts")) {
                for account in view.accounts {
                    Element.li {
                        Element.strong { account.provider }
                        " · " + account.environment + " · "
                        account.isActive
                            ? AdminSalesBadge(sales.accountActive, tone: .good)
                            : AdminSalesBadge(sales.accountInactive, tone: .quiet)
                        AdminSalesSummary(lines: account.keys)
                    }
                }
            }
        }
    }

    private func settingsForm(_ strings: Strings, _ sales: AdminSalesStrings) -> HTMLFragment {
        typealias Field = AdminPaymentsView.Field
        let state = view.state
        let environments: [SelectField.Option] = [
            .init(value: "sandbox", label: sales.environmentSandbox),
            .init(value: "production", label: sales.environmentProduction),
        ]
        let keyFields = [
            (Field.secretKey, sales.fieldSecretKey, sales.fieldSecretKeyHint),
            (Field.clientKey, sales.fieldClientKey, sales.fieldClientKeyHint),
            (Field.webhookToken, sales.fieldWebhookToken, sales.fieldWebhookTokenHint),
        ]
        return HTMLFragment {
            Element.form(.class("admin-form"), .method(.post), .action(SafeURL(Paths.Admin.payments)), .novalidate) {
                FormErrorSummary(state: state, message: strings.formHasErrors)
                HiddenInput(name: Field.csrf, value: view.csrfToken)
                CheckboxField(name: Field.useOwnGateway, state: state) { sales.fieldUseOwnGateway }
                SelectField(name: Field.provider, label: sales.fieldProvider, options: view.providers, state: state)
                SelectField(name: Field.environment, label: sales.fieldEnvironment, options: environments, state: state)
                for (name, label, hint) in keyFields {
                    TextField(
                        name: name, label: label, state: state, type: .password,
                        hint: view.storedKeys[name].map { hint + " " + sales.storedKey($0) } ?? hint,
                        autocomplete: "off")
                }
                Element.button(.class("button"), .type(.submit)) { strings.adminSave }
            }
        }
    }
}
