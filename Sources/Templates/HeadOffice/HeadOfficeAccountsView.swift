/// `GET /head-office/accounts`: the head-office admins, a form to add one, and the signed-in admin's own
/// password form.
public struct HeadOfficeAccountsView: Sendable, Hashable {
    public enum Field {
        public static let email = "email"
        public static let password = "password"
        public static let csrf = "_csrf"
    }

    public struct Account: Sendable, Hashable {
        public let email: String
        /// The signed-in admin: no remove button.
        public let isYou: Bool

        public init(email: String, isYou: Bool) {
            self.email = email
            self.isYou = isYou
        }
    }

    public let accounts: [Account]
    /// The add form as typed (never a password), with its errors.
    public let addState: FormState
    /// The password form's errors (nothing typed is written back).
    public let passwordState: FormState
    /// What was just done (the password changed), shown above the list.
    public let notice: String?
    /// Why a removal was refused, shown above the list as an alert, not as news.
    public let failure: String?
    public let csrfToken: String

    public init(
        accounts: [Account], addState: FormState = FormState(), passwordState: FormState = FormState(),
        notice: String? = nil, failure: String? = nil, csrfToken: String
    ) {
        self.accounts = accounts
        self.addState = addState
        self.passwordState = passwordState
        self.notice = notice
        self.failure = failure
        self.csrfToken = csrfToken
    }
}
