/// The ids that tie a control to its hint and error, so `aria-describedby` and the messages agree.
public struct FieldIDs: Sendable, Hashable {
    public let control: String
    public var hint: String { control + "-hint" }
    public var error: String { control + "-error" }

    /// `scope` tells apart the same field in several forms of one page (one form per gateway).
    public init(name: String, scope: String? = nil) {
        // Names and scopes come from code (`phone`, `terms`, a provider), so they make valid ids as they are.
        control = "f-" + (scope.map { $0 + "-" } ?? "") + name
    }

    /// `aria-describedby` for a control: the hint and the error, whichever exist.
    func describedBy(hasHint: Bool, hasError: Bool) -> Attribute {
        let ids = [hasError ? error : nil, hasHint ? hint : nil].compactMap { $0 }
        return ids.isEmpty ? .none : .ariaDescribedBy(ids.joined(separator: " "))
    }
}

/// A field's hint and error message, written right under its control.
struct FieldMessages: HTMLComponent {
    let ids: FieldIDs
    let hint: String?
    let error: String?

    var body: HTMLFragment {
        if let hint { Element.p(.class("hint"), .id(ids.hint)) { hint } }
        if let error { Element.p(.class("field-error"), .id(ids.error)) { error } }
    }
}

/// `<input type="hidden">`, for CSRF tokens, idempotency keys and re-posted values.
public struct HiddenInput: HTMLComponent {
    let name: String
    let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    public var body: HTMLFragment {
        Element.input(.type(.hidden), .name(name), .value(value))
    }
}

/// A short alert at the top of a form that failed validation; the details sit next to each field.
public struct FormErrorSummary: HTMLComponent {
    let state: FormState
    let message: String

    public init(state: FormState, message: String) {
        self.state = state
        self.message = message
    }

    public var body: HTMLFragment {
        if state.hasErrors {
            Element.p(.class("form-alert"), .role("alert")) { message }
        }
    }
}
