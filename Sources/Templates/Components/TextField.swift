/// A labelled text input that keeps what the visitor typed and shows its error next to it.
///
/// It writes no `maxlength`: a browser cuts pasted text at that length without a word, so a long
/// value would be stored shortened. The server checks every length and says so next to the field.
///
/// ```swift
/// TextField(name: "phone", label: strings.fieldPhone, state: form.state, type: .tel, required: true)
/// ```
public struct TextField: HTMLComponent {
    let name: String
    let label: String
    let state: FormState
    let type: Attribute.InputType
    let hint: String?
    let isRequired: Bool
    let autocomplete: String?
    let inputMode: Attribute.InputMode?

    public init(
        name: String, label: String, state: FormState, type: Attribute.InputType = .text, hint: String? = nil,
        required: Bool = false, autocomplete: String? = nil, inputMode: Attribute.InputMode? = nil
    ) {
        self.name = name
        self.label = label
        self.state = state
        self.type = type
        self.hint = hint
        self.isRequired = required
        self.autocomplete = autocomplete
        self.inputMode = inputMode
    }

    public var body: HTMLFragment {
        let ids = FieldIDs(name: name)
        let error = state.error(name)
        return HTMLFragment {
            Element.div(.class(error == nil ? "field" : "field invalid")) {
                Element.label(.for(ids.control)) { label }
                Element.input(
                    .type(type), .id(ids.control), .name(name), .value(state.value(name)),
                    .required(isRequired), .ariaInvalid(error != nil),
                    ids.describedBy(hasHint: hint != nil, hasError: error != nil),
                    autocomplete.map { .autocomplete($0) } ?? .none,
                    inputMode.map { .inputmode($0) } ?? .none)
                FieldMessages(ids: ids, hint: hint, error: error)
            }
        }
    }
}
