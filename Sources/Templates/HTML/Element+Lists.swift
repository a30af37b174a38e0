// Lists.
extension Element {
    public static func ul(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("ul", attributes, content())
    }

    public static func ol(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("ol", attributes, content())
    }

    public static func li(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("li", attributes, content())
    }

    public static func dl(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("dl", attributes, content())
    }

    public static func dt(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("dt", attributes, content())
    }

    public static func dd(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("dd", attributes, content())
    }
}
