// Forms and controls. `textarea` is in Element+Preformatted.swift.
extension Element {
    public static func form(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("form", attributes, content())
    }

    public static func label(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("label", attributes, content())
    }

    public static func select(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("select", attributes, content())
    }

    public static func option(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("option", attributes, content())
    }

    public static func optgroup(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("optgroup", attributes, content())
    }

    public static func button(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("button", attributes, content())
    }

    public static func fieldset(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("fieldset", attributes, content())
    }

    public static func legend(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("legend", attributes, content())
    }

    public static func input(_ attributes: Attribute...) -> Element {
        Element(void: "input", attributes)
    }
}
