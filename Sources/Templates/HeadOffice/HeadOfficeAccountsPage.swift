/// `GET /head-office/accounts`: every head-office admin (remove, except yourself), add one, change your own
/// password. No password is ever written back into the page.
public struct HeadOfficeAccountsPage: HTMLComponent {
    let chrome: SiteChrome
    let view: HeadOfficeAccountsView

    public init(chrome: SiteChrome, view: HeadOfficeAccountsView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = HeadOfficeAccountsView.Field
        let strings = chrome.language.headOfficeStrings
        return SiteLayout(chrome: chrome, title: strings.accountsTitle) {
            HeadOfficeNavigation(strings: strings, signOut: chrome.strings.adminSignOut, csrfToken: view.csrfToken)
            Element.section(.class("panel"), .ariaLabelledBy("accounts-heading")) {
                Element.h1(.id("accounts-heading")) { strings.accountsTitle }
                Element.p { strings.accountsIntro }
                if let notice = view.notice { FormNotice(notice) }
                if let failure = view.failure {
                    Element.p(.class("form-alert"), .role("alert")) { failure }
                }
                Element.table(.class("list stack head-office-table")) {
                    Element.thead {
                        Element.tr {
                            Element.th(.scope(.col)) { strings.columnEmail }
                            Element.th(.scope(.col)) { strings.columnActions }
                        }
                    }
                    Element.tbody {
                        for account in view.accounts {
                            Element.tr {
                                Element.th(.scope(.row)) { account.isYou ? "\(account.email) \(strings.you)" : account.email }
                                Element.td(.data("label", strings.columnActions)) {
                                    if !account.isYou {
                                        Element.form(
                                            .class("inline-actions"), .method(.post), .action(SafeURL(Paths.HeadOffice.removeAccount))
                                        ) {
                                            HiddenInput(name: Field.csrf, value: view.csrfToken)
                                            HiddenInput(name: Field.email, value: account.email)
                                            Element.button(.class("button secondary"), .type(.submit)) { strings.remove }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Element.section(.class("panel"), .ariaLabelledBy("add-account-heading")) {
                Element.h2(.id("add-account-heading")) { strings.addAccountHeading }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(Paths.HeadOffice.accounts)), .novalidate) {
                    FormErrorSummary(state: view.addState, message: chrome.strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(
                        name: Field.email, label: strings.fieldEmail, state: view.addState, type: .email, required: true,
                        autocomplete: "off")
                    TextField(
                        name: Field.password, label: strings.fieldPassword,
                        state: FormState(errors: view.addState.errors.filter { $0.key == Field.password }), type: .password,
                        required: true, autocomplete: "new-password")
                    Element.button(.class("button"), .type(.submit)) { strings.addAccount }
                }
            }
            PasswordChangeForm(
                action: Paths.HeadOffice.accountPassword, errors: view.passwordState, csrfToken: view.csrfToken,
                strings: chrome.strings)
        }.body
    }
}
