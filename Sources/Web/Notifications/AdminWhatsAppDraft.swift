import HTTP
import Templates

/// A submitted sender form of `/admin/whatsapp`: name, device token, messages per minute, active. A
/// blank token keeps the stored one when editing; adding a sender needs one.
struct AdminWhatsAppDraft: Sendable {
    typealias Field = AdminWhatsAppView.Field

    let name: String
    /// The token typed in; nil when the field was left blank.
    let typedToken: String?
    let perMinute: Int
    let isActive: Bool
    /// What the form shows again: the values as submitted and a message per field; never the token.
    let state: FormState

    /// The add form's values before anything is typed.
    static let newSenderValues = [Field.perMinute: "20", Field.active: "on"]

    init(form: URLEncodedForm, hasStoredToken: Bool, language: Language) {
        let sales = language.adminSalesStrings
        let words = language.adminWhatsAppStrings
        name = (form[Field.name] ?? "").trimmed
        let typed = (form[Field.token] ?? "").trimmed
        typedToken = typed.isEmpty ? nil : typed
        let perMinuteText = (form[Field.perMinute] ?? "").trimmed
        perMinute = perMinuteText.utf8.count <= 4 ? Int(perMinuteText) ?? 0 : 0
        isActive = form[Field.active] != nil
        var errors: [String: String] = [:]
        if !(1...60).contains(name.count) || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors[Field.name] = words.errorName
        }
        if let typedToken, !Self.isPlausibleToken(typedToken) {
            errors[Field.token] = sales.errorFonnteTokenInvalid
        } else if typedToken == nil, !hasStoredToken {
            errors[Field.token] = sales.errorFonnteTokenRequired
        }
        if !(1...1000).contains(perMinute) { errors[Field.perMinute] = words.errorPerMinute }
        var values = [Field.name: name, Field.perMinute: perMinuteText]
        if isActive { values[Field.active] = "on" }
        state = FormState(values: values, errors: errors)
    }

    /// Fonnte's tokens are short runs of letters, digits and a few marks; anything with spaces or
    /// control characters is a paste gone wrong.
    static func isPlausibleToken(_ token: String) -> Bool {
        (8...200).contains(token.count) && token.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 && $0.value < 127 }
    }
}
