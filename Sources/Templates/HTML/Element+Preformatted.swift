// Elements whose parser drops a newline right after the start tag. Writing one there ourselves keeps a
// value that starts with a newline (a textarea the user filled in) exactly as it was typed.
extension Element {
    public static func pre(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("pre", attributes, content(), preservesLeadingNewline: true)
    }

    public static func textarea(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("textarea", attributes, content(), preservesLeadingNewline: true)
    }
}
