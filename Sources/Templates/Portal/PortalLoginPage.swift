/// `GET/POST /portal/login`: customer number or PPPoE username and password. Other areas' login
/// pages (`AdminLoginPage`) are this page with their own `Wording`.
public struct PortalLoginPage: HTMLComponent {
    /// What differs between the areas' login pages.
    public struct Wording: Sendable {
        public var title: String
        public var intro: String
        public var action: SafeURL
        public var loginLabel: String
        public var loginHint: String?
        public var loginType: Attribute.InputType
        public var loginMaxLength: Int
        /// Where a visitor who forgot the password goes; nil where the area has no self-service reset.
        public var forgotPasswordURL: SafeURL?

        public init(
            title: String, intro: String, action: SafeURL, loginLabel: String, loginHint: String?,
            loginType: Attribute.InputType, loginMaxLength: Int
        ) {
            (self.title, self.intro, self.action) = (title, intro, action)
            (self.loginLabel, self.loginHint, self.loginType, self.loginMaxLength) =
                (loginLabel, loginHint, loginType, loginMaxLength)
        }
    }

    let chrome: SiteChrome
    let view: PortalLoginView
    let wording: Wording

    public init(chrome: SiteChrome, view: PortalLoginView, wording: Wording? = nil) {
        self.chrome = chrome
        self.view = view
        let strings = chrome.strings
        var portal = Wording(
            title: strings.portalLoginTitle, intro: strings.portalLoginIntro, action: SafeURL(Paths.Portal.login),
            loginLabel: strings.fieldLogin, loginHint: strings.fieldLoginHint, loginType: .text, loginMaxLength: 64)
        portal.forgotPasswordURL = SafeURL(Paths.Portal.forgot)
        self.wording = wording ?? portal
    }

    public var body: HTMLFragment {
        typealias Field = PortalLoginView.Field
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: wording.title) {
            Element.section(.class("panel narrow"), .ariaLabelledBy("login-heading")) {
                Element.h1(.id("login-heading")) { wording.title }
                Element.p { wording.intro }
                if let failure = view.failure {
                    Element.p(.class("form-alert"), .role("alert")) { failure }
                }
                Element.form(.class("login-form"), .method(.post), .action(wording.action), .novalidate) {
                    FormErrorSummary(state: view.state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(
                        name: Field.login, label: wording.loginLabel, state: view.state, type: wording.loginType,
                        hint: wording.loginHint, required: true, autocomplete: "username")
                    // The password is never written back into the page.
                    TextField(
                        name: Field.password, label: strings.fieldPassword,
                        state: FormState(errors: view.state.errors.filter { $0.key == Field.password }),
                        type: .password, required: true, autocomplete: "current-password")
                    Element.button(.class("button wide"), .type(.submit)) { strings.signIn }
                }
                if let forgot = wording.forgotPasswordURL {
                    Element.p { Element.a(.href(forgot)) { chrome.language.portalAccountStrings.forgotLink } }
                }
            }
        }.body
    }
}
