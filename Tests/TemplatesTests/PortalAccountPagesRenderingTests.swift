import Testing

@testable import Templates

/// The portal's account pages (forgotten password, reset by WhatsApp code, password change), built as
/// `PortalAccountController` builds them. Codes and passwords must never come back into a page.
@Suite struct PortalAccountPagesRenderingTests {
    private typealias Field = PortalResetView.Field

    private func chrome(_ language: Language = .en) -> SiteChrome { PageRendering.chrome(language) }

    private func rendered(_ page: some HTML) -> String { PageRendering.rendered(page) }

    @Test func forgotPasswordKeepsTheTypedLoginEscapedWithItsProblem() {
        let strings = chrome().strings
        let state = FormState(values: [Field.login: "<b>C-1001</b>\""], errors: [Field.login: strings.errorLoginMissing])
        let html = rendered(PortalForgotPasswordPage(chrome: chrome(), view: PortalResetView(state: state, csrfToken: "csrf-f")))
        #expect(html.contains("<h1 id=\"forgot-heading\">Forgot your password</h1>"))
        #expect(html.contains("action=\"\(Paths.Portal.forgot)\""))
        #expect(html.contains("value=\"&lt;b&gt;C-1001&lt;/b&gt;&quot;\""))
        #expect(!html.contains("<b>C-1001</b>"))
        #expect(html.contains("Enter your customer number or PPPoE username."))
        #expect(html.contains("Please correct the marked fields below."))
        #expect(html.contains("name=\"_csrf\" value=\"csrf-f\""))
        #expect(html.contains("href=\"\(Paths.Portal.login)\""))
    }

    @Test func forgotPasswordSpeaksIndonesian() {
        let html = rendered(PortalForgotPasswordPage(chrome: chrome(.id), view: PortalResetView(csrfToken: "t")))
        #expect(html.contains("<h1 id=\"forgot-heading\">Lupa kata sandi</h1>"))
        #expect(html.contains(">Kirim kode</button>"))
        #expect(!html.contains("Forgot your password"))
        #expect(!html.contains("form-alert"))
    }

    @Test func resetPageSaysACodeWasSentAndKeepsOnlyTheLogin() {
        let typed = FormState(values: [
            Field.login: "C-1001", Field.code: "482913", Field.newPassword: "hunter2-secret",
            Field.newPasswordAgain: "hunter2-secret",
        ])
        let html = rendered(
            PortalResetPasswordPage(chrome: chrome(), view: PortalResetView(state: typed, csrfToken: "t", codeSent: true)))
        #expect(html.contains("<h1 id=\"reset-heading\">Set a new password</h1>"))
        #expect(html.contains("a six-digit code is on its way there"))
        #expect(html.contains("value=\"C-1001\""))
        #expect(!html.contains("482913"))
        #expect(!html.contains("hunter2-secret"))
        #expect(html.contains("action=\"\(Paths.Portal.reset)\""))
        #expect(html.contains("href=\"\(Paths.Portal.forgot)\""))
    }

    @Test func resetPageShowsTheFailureAndFieldProblemsInIndonesian() {
        let words = Language.id.portalAccountStrings
        let state = FormState(values: [Field.login: "C-1001"], errors: [Field.code: words.errorCodeFormat])
        let view = PortalResetView(state: state, csrfToken: "t", failure: words.errorCodeWrong)
        let html = rendered(PortalResetPasswordPage(chrome: chrome(.id), view: view))
        #expect(html.contains("<p class=\"form-alert\" role=\"alert\">\(words.errorCodeWrong)</p>"))
        #expect(html.contains("<p class=\"field-error\" id=\"f-code-error\">\(words.errorCodeFormat)</p>"))
        #expect(html.contains("Buat kata sandi baru") && html.contains("lang=\"id\""))
        #expect(!html.contains(PortalAccountStrings.english.resetTitle))
        #expect(!html.contains(words.codeSentNotice))
    }

    @Test func passwordPageShowsItsProblemsButNeverAPassword() {
        let strings = chrome().strings
        let errors = FormState(
            values: [PasswordChangeForm.Field.currentPassword: "old-secret-1"],
            errors: [PasswordChangeForm.Field.currentPassword: strings.errorPasswordMissing])
        let html = rendered(
            PortalPasswordPage(
                chrome: chrome(), frame: PortalFrame(section: .password, csrfToken: "csrf-p"), errors: errors, changed: false))
        #expect(html.contains("Change your password"))
        #expect(html.contains("Enter your password."))
        #expect(!html.contains("old-secret-1"))
        #expect(html.contains("action=\"\(Paths.Portal.password)\""))
        #expect(html.contains("href=\"\(Paths.Portal.password)\" aria-current=\"page\""))
        #expect(!html.contains("Your password was changed"))
    }

    @Test func changedPasswordSaysTheOtherDevicesWereSignedOutInBothLanguages() {
        let frame = PortalFrame(section: .password, csrfToken: "t")
        let english = rendered(PortalPasswordPage(chrome: chrome(), frame: frame, errors: FormState(), changed: true))
        let indonesian = rendered(PortalPasswordPage(chrome: chrome(.id), frame: frame, errors: FormState(), changed: true))
        #expect(english.contains("Your password was changed, and your other devices were signed out."))
        #expect(indonesian.contains("Kata sandi Anda sudah diganti, dan perangkat Anda yang lain sudah dikeluarkan."))
        #expect(indonesian.contains("Ganti kata sandi Anda"))
        #expect(!english.contains("form-alert"))
    }
}
