/// `GET /admin/password`: the signed-in tenant admin changes its own password.
public struct AdminPasswordPage: HTMLComponent {
    let chrome: SiteChrome
    let errors: FormState
    let changed: Bool
    let csrfToken: String

    public init(chrome: SiteChrome, errors: FormState, changed: Bool, csrfToken: String) {
        self.chrome = chrome
        self.errors = errors
        self.changed = changed
        self.csrfToken = csrfToken
    }

    public var body: HTMLFragment {
        let strings = chrome.strings
        return SiteLayout(chrome: chrome, title: strings.changePasswordHeading) {
            AdminNavigation(language: chrome.language, csrfToken: csrfToken, current: Paths.Admin.password)
            if changed {
                Element.p(.class("form-notice"), .role("status")) { strings.passwordChanged }
            }
            PasswordChangeForm(action: Paths.Admin.password, errors: errors, csrfToken: csrfToken, strings: strings)
        }.body
    }
}
