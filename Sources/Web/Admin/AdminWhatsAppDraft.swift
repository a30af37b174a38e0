import HTTP
import Templates

/// A submitted `/admin/whatsapp` form, checked against the token already stored. A blank token field
/// keeps the stored token; switching to the tenant's own number needs one, typed now or stored before.
struct AdminWhatsAppDraft: Sendable {
    typealias Field = AdminWhatsAppView.Field

    let useOwnSender: Bool
    /// The token typed in; nil when the field was left blank.
    let typedToken: String?
    /// What the form shows again: the switch as submitted and a message per field; never the token.
    let state: FormState

    init(form: URLEncodedForm, storedToken: String?, strings: AdminSalesStrings) {
        useOwnSender = form[Field.useOwnSender] != nil
        let typed = (form[Field.token] ?? "").trimmed
        typedToken = typed.isEmpty ? nil : typed
        var errors: [String: String] = [:]
        if let typedToken, !Self.isPlausibleToken(typedToken) {
            errors[Field.token] = strings.errorFonnteTokenInvalid
        } else if useOwnSender, typedToken == nil, storedToken == nil {
            errors[Field.token] = strings.errorFonnteTokenRequired
        }
        state = FormState(values: useOwnSender ? [Field.useOwnSender: "on"] : [:], errors: errors)
    }

    /// Fonnte's tokens are short runs of letters, digits and a few marks; anything with spaces or
    /// control characters is a paste gone wrong.
    static func isPlausibleToken(_ token: String) -> Bool {
        (8...200).contains(token.count) && token.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0.value < 127 }
    }
}
