/// `GET/POST /portal/login`: customer number or PPPoE username and password.
public struct PortalLoginPage: HTMLComponent {
    let chrome: SiteChrome
    let view: PortalLoginView

    public init(chrome: SiteChrome, view: PortalLoginView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = PortalLoginView.Field
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: strings.portalLoginTitle) {
            Element.section(.class("panel narrow"), .ariaLabelledBy("login-heading")) {
                Element.h1(.id("login-heading")) { strings.portalLoginTitle }
                Element.p { strings.portalLoginIntro }
                if let failure = view.failure {
                    Element.p(.class("form-alert"), .role("alert")) { failure }
                }
                Element.form(.class("login-form"), .method(.post), .action("/portal/login"), .novalidate) {
                    FormErrorSummary(state: view.state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(
                        name: Field.login, label: strings.fieldLogin, state: view.state, hint: strings.fieldLoginHint,
                        required: true, autocomplete: "username", maxLength: 64)
                    // The password is never written back into the page.
                    TextField(
                        name: Field.password, label: strings.fieldPassword,
                        state: FormState(errors: view.state.errors.filter { $0.key == Field.password }),
                        type: .password, required: true, autocomplete: "current-password", maxLength: 200)
                    Element.button(.class("button wide"), .type(.submit)) { strings.signIn }
                }
            }
        }.body
    }
}
