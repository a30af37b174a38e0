// Images. Sources take a `SafeURL`, so a logo inlined as bytes uses `SafeURL.inlineImage`.
extension Element {
    public static func picture(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("picture", attributes, content())
    }

    public static func img(_ attributes: Attribute...) -> Element {
        Element(void: "img", attributes)
    }

    public static func source(_ attributes: Attribute...) -> Element {
        Element(void: "source", attributes)
    }
}
