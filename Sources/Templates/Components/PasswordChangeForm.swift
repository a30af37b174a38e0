/// "Change your password": the current one and the new one twice, for any signed-in area (tenant
/// admin, head office). Nothing typed is ever written back; only the errors are shown.
public struct PasswordChangeForm: HTMLComponent {
    public enum Field {
        public static let currentPassword = "current_password"
        public static let newPassword = "new_password"
        public static let newPasswordAgain = "new_password_again"
    }

    let action: String
    let errors: FormState
    let csrfToken: String
    let strings: Strings

    public init(action: String, errors: FormState, csrfToken: String, strings: Strings) {
        self.action = action
        self.errors = FormState(errors: errors.errors)
        self.csrfToken = csrfToken
        self.strings = strings
    }

    public var body: HTMLFragment {
        Element.section(.class("panel"), .ariaLabelledBy("password-heading")) {
            Element.h2(.id("password-heading")) { strings.changePasswordHeading }
            Element.form(.class("admin-form"), .method(.post), .action(SafeURL(action)), .novalidate) {
                FormErrorSummary(state: errors, message: strings.formHasErrors)
                HiddenInput(name: "_csrf", value: csrfToken)
                for (name, label, autocomplete) in [
                    (Field.currentPassword, strings.fieldCurrentPassword, "current-password"),
                    (Field.newPassword, strings.fieldNewPassword, "new-password"),
                    (Field.newPasswordAgain, strings.fieldNewPasswordAgain, "new-password"),
                ] {
                    TextField(
                        name: name, label: label, state: errors, type: .password, required: true,
                        autocomplete: autocomplete)
                }
                Element.button(.class("button"), .type(.submit)) { strings.changePassword }
            }
        }
    }
}
