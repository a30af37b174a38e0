/// `GET/POST /admin/routers/new` and `/admin/routers/{id}`: add or edit one router.
public struct AdminRouterFormPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminRouterFormView

    public init(chrome: SiteChrome, view: AdminRouterFormView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminRouterFormView.Field
        let strings = chrome.strings
        let words = chrome.language.adminRadiusStrings
        let state = view.state
        let heading = view.isNew ? words.newRouter : words.editRouter
        let secretHint = view.storedSecret.map { "\($0) · " + words.fieldSecretKeepHint } ?? words.fieldSecretHint
        return SiteLayout(chrome: chrome, title: heading) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.routers)
            Element.section(.class("panel"), .ariaLabelledBy("router-heading")) {
                Element.h1(.id("router-heading")) { heading }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(view.formPath)), .novalidate) {
                    FormErrorSummary(state: state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(name: Field.name, label: words.fieldName, state: state, required: true)
                    TextField(
                        name: Field.address, label: words.fieldAddress, state: state, hint: words.fieldAddressHint,
                        required: true)
                    TextField(
                        name: Field.identifier, label: words.fieldIdentifier, state: state,
                        hint: words.fieldIdentifierHint)
                    TextField(
                        name: Field.secret, label: words.fieldSecret, state: state, type: .password, hint: secretHint,
                        required: view.storedSecret == nil, autocomplete: "new-password")
                    SelectField(
                        name: Field.kind, label: words.fieldKind,
                        options: [
                            .init(value: "hotspot", label: words.kindHotspot), .init(value: "pppoe", label: words.kindPPPoE),
                        ], state: state)
                    TextField(
                        name: Field.coaPort, label: words.fieldCoAPort, state: state, required: true, inputMode: .numeric)
                    Element.button(.class("button"), .type(.submit)) { view.isNew ? words.createRouter : strings.adminSave }
                }
            }
            if let tunnel = view.tunnel { AdminRouterTunnelSection(view: tunnel, language: chrome.language) }
        }.body
    }
}
