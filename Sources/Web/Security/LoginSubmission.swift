import HTTP
import Templates

/// A posted login form (every area's: portal, tenant admin, head office), its CSRF cookie checked:
/// the account as typed (trimmed) and the password, or what to show again with the problems.
struct LoginSubmission: Sendable {
    typealias Field = PortalLoginView.Field

    let account: String
    let password: String
    /// Problems by field name; empty when both were given.
    let errors: [String: String]

    /// - Parameter missingLogin: the area's own wording for an empty account field.
    init(_ request: HTTPRequest, strings: Strings, missingLogin: String) throws {
        let fields = try request.formFields()
        try CSRFToken.verify(request, form: fields)
        account = (fields[Field.login] ?? "").trimmed
        password = fields[Field.password] ?? ""
        var errors: [String: String] = [:]
        if account.isEmpty { errors[Field.login] = missingLogin }
        if password.isEmpty { errors[Field.password] = strings.errorPasswordMissing }
        self.errors = errors
    }

    /// The form as typed (never the password), with `errors`.
    var state: FormState { FormState(values: [Field.login: account], errors: errors) }

    /// The form as typed, without field errors, for the one generic failure.
    var stateAfterFailure: FormState { FormState(values: [Field.login: account]) }
}
