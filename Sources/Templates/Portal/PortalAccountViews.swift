/// `GET/POST /portal/forgot` and `GET/POST /portal/reset`: asking for a code by WhatsApp, and setting a
/// new password with it. Not signed in, so the forms carry the double-submit CSRF token. Passwords and
/// codes are never written back into a page.
public struct PortalResetView: Sendable, Hashable {
    public enum Field {
        public static let login = "login"
        public static let code = "code"
        public static let newPassword = PasswordChangeForm.Field.newPassword
        public static let newPasswordAgain = PasswordChangeForm.Field.newPasswordAgain
        public static let csrf = "_csrf"
    }

    public let state: FormState
    public let csrfToken: String
    /// Whether to say that a code may be on its way (after asking for one).
    public let codeSent: Bool
    /// The one generic failure (wrong or dead code), shown above the form.
    public let failure: String?

    public init(state: FormState = FormState(), csrfToken: String, codeSent: Bool = false, failure: String? = nil) {
        var state = state
        for secret in [Field.code, Field.newPassword, Field.newPasswordAgain] { state.values[secret] = nil }
        self.state = state
        self.csrfToken = csrfToken
        self.codeSent = codeSent
        self.failure = failure
    }
}

/// `GET/POST /portal/forgot`: the account to send a code for.
public struct PortalForgotPasswordPage: HTMLComponent {
    let chrome: SiteChrome
    let view: PortalResetView

    public init(chrome: SiteChrome, view: PortalResetView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = PortalResetView.Field
        let strings = chrome.strings
        let words = chrome.language.portalAccountStrings
        return SiteLayout(chrome: chrome, title: words.forgotTitle) {
            Element.section(.class("panel narrow"), .ariaLabelledBy("forgot-heading")) {
                Element.h1(.id("forgot-heading")) { words.forgotTitle }
                Element.p { words.forgotIntro }
                Element.form(.class("login-form"), .method(.post), .action(SafeURL(Paths.Portal.forgot)), .novalidate) {
                    FormErrorSummary(state: view.state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(
                        name: Field.login, label: strings.fieldLogin, state: view.state, hint: strings.fieldLoginHint,
                        required: true, autocomplete: "username")
                    Element.button(.class("button wide"), .type(.submit)) { words.sendCode }
                }
                Element.p { Element.a(.href(SafeURL(Paths.Portal.login))) { strings.signIn } }
            }
        }.body
    }
}

/// `GET/POST /portal/reset`: the code from WhatsApp and the new password twice.
public struct PortalResetPasswordPage: HTMLComponent {
    let chrome: SiteChrome
    let view: PortalResetView

    public init(chrome: SiteChrome, view: PortalResetView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = PortalResetView.Field
        let strings = chrome.strings
        let words = chrome.language.portalAccountStrings
        return SiteLayout(chrome: chrome, title: words.resetTitle) {
            Element.section(.class("panel narrow"), .ariaLabelledBy("reset-heading")) {
                Element.h1(.id("reset-heading")) { words.resetTitle }
                if view.codeSent {
                    FormNotice(words.codeSentNotice)
                }
                Element.p { words.resetIntro }
                if let failure = view.failure {
                    Element.p(.class("form-alert"), .role("alert")) { failure }
                }
                Element.form(.class("login-form"), .method(.post), .action(SafeURL(Paths.Portal.reset)), .novalidate) {
                    FormErrorSummary(state: view.state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(
                        name: Field.login, label: strings.fieldLogin, state: view.state, required: true,
                        autocomplete: "username")
                    TextField(
                        name: Field.code, label: words.fieldCode, state: view.state, hint: words.fieldCodeHint,
                        required: true, autocomplete: "one-time-code", inputMode: .numeric)
                    TextField(
                        name: Field.newPassword, label: strings.fieldNewPassword, state: view.state, type: .password,
                        required: true, autocomplete: "new-password")
                    TextField(
                        name: Field.newPasswordAgain, label: strings.fieldNewPasswordAgain, state: view.state,
                        type: .password, required: true, autocomplete: "new-password")
                    Element.button(.class("button wide"), .type(.submit)) { words.setNewPassword }
                }
                Element.p { Element.a(.href(SafeURL(Paths.Portal.forgot))) { words.askAgain } }
            }
        }.body
    }
}

/// `GET/POST /portal/password`: the signed-in subscriber changes the password.
public struct PortalPasswordPage: HTMLComponent {
    let chrome: SiteChrome
    let frame: PortalFrame
    let errors: FormState
    let changed: Bool

    public init(chrome: SiteChrome, frame: PortalFrame, errors: FormState, changed: Bool) {
        self.chrome = chrome
        self.frame = frame
        self.errors = errors
        self.changed = changed
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        let words = chrome.language.portalAccountStrings
        return PortalLayout(chrome: chrome, frame: frame, title: strings.changePasswordHeading) {
            if changed {
                FormNotice(words.passwordChangedOthersSignedOut)
            }
            Element.p { words.passwordIntro }
            PasswordChangeForm(action: Paths.Portal.password, errors: errors, csrfToken: frame.csrfToken, strings: strings)
        }.body
    }
}
