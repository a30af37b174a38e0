/// A labelled `select` that keeps the visitor's choice and shows its error next to it.
public struct SelectField: HTMLComponent {
    public struct Option: Sendable, Hashable {
        public let value: String
        public let label: String
        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    let name: String
    let label: String
    let options: [Option]
    let state: FormState
    let hint: String?

    public init(name: String, label: String, options: [Option], state: FormState, hint: String? = nil) {
        self.name = name
        self.label = label
        self.options = options
        self.state = state
        self.hint = hint
    }

    public var body: HTMLFragment {
        let ids = FieldIDs(name: name)
        let error = state.error(name)
        let chosen = state.value(name)
        return HTMLFragment {
            Element.div(.class(error == nil ? "field" : "field invalid")) {
                Element.label(.for(ids.control)) { label }
                Element.select(
                    .id(ids.control), .name(name), .ariaInvalid(error != nil),
                    ids.describedBy(hasHint: hint != nil, hasError: error != nil)
                ) {
                    for option in options {
                        Element.option(.value(option.value), .selected(option.value == chosen)) { option.label }
                    }
                }
                FieldMessages(ids: ids, hint: hint, error: error)
            }
        }
    }
}
