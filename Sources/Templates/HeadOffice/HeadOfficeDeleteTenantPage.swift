/// `GET /head-office/tenants/{slug}/delete` (and a refused `POST /head-office/tenants/delete`): what deleting does,
/// and a form that goes on only when head office types the tenant's slug. Works without JavaScript.
public struct HeadOfficeDeleteTenantPage: HTMLComponent {
    let chrome: SiteChrome
    let view: HeadOfficeDeleteTenantView

    public init(chrome: SiteChrome, view: HeadOfficeDeleteTenantView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = HeadOfficeDeleteTenantView.Field
        let strings = chrome.language.headOfficeStrings
        let words = chrome.language.tenantLifecycleStrings
        return SiteLayout(chrome: chrome, title: words.deleteTitle(view.name)) {
            HeadOfficeNavigation(strings: strings, signOut: chrome.strings.adminSignOut, csrfToken: view.csrfToken)
            Element.section(.class("panel"), .ariaLabelledBy("delete-heading")) {
                Element.h1(.id("delete-heading")) { words.deleteTitle(view.name) }
                Element.p(.class("form-alert"), .role("note")) { words.deleteWarning(view.storeURL) }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(Paths.HeadOffice.deleteTenant)), .novalidate) {
                    FormErrorSummary(state: view.state, message: chrome.strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    HiddenInput(name: Field.slug, value: view.slug)
                    TextField(
                        name: Field.confirm, label: words.fieldConfirm(view.slug), state: view.state, required: true,
                        autocomplete: "off")
                    Element.button(.class("button danger"), .type(.submit)) { words.deleteButton }
                    " "
                    Element.a(.class("button secondary"), .href(SafeURL(Paths.HeadOffice.home))) { words.cancel }
                }
            }
        }.body
    }
}
