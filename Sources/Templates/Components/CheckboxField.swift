/// A checkbox with its label after it (the label may hold a link), kept ticked after a failed submit.
public struct CheckboxField: HTMLComponent {
    let name: String
    /// Tells this box apart from the same field in another form of the page.
    let scope: String?
    let state: FormState
    let isRequired: Bool
    let label: HTMLFragment

    /// Ticked when the submitted form carried the field at all (browsers send only ticked boxes).
    public init(
        name: String, scope: String? = nil, state: FormState, required: Bool = false, @HTMLBuilder label: () -> HTMLFragment
    ) {
        self.name = name
        self.scope = scope
        self.state = state
        self.isRequired = required
        self.label = label()
    }

    public var body: HTMLFragment {
        let ids = FieldIDs(name: name, scope: scope)
        let error = state.error(name)
        return HTMLFragment {
            Element.div(.class(error == nil ? "field check" : "field check invalid")) {
                Element.input(
                    .type(.checkbox), .id(ids.control), .name(name), .value("on"),
                    .checked(state.values[name] != nil), .required(isRequired), .ariaInvalid(error != nil),
                    ids.describedBy(hasHint: false, hasError: error != nil))
                Element.label(.for(ids.control)) { label }
                FieldMessages(ids: ids, hint: nil, error: error)
            }
        }
    }
}
