// Phrasing content. `Element.a` takes its `href` as `.href(SafeURL(...))` like any URL attribute.
extension Element {
    public static func a(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("a", attributes, content())
    }

    public static func strong(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("strong", attributes, content())
    }

    public static func em(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("em", attributes, content())
    }

    public static func small(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("small", attributes, content())
    }

    public static func b(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("b", attributes, content())
    }

    public static func mark(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("mark", attributes, content())
    }

    public static func abbr(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("abbr", attributes, content())
    }

    public static func time(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("time", attributes, content())
    }

    public static func code(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("code", attributes, content())
    }

    public static func br(_ attributes: Attribute...) -> Element {
        Element(void: "br", attributes)
    }

    public static func hr(_ attributes: Attribute...) -> Element {
        Element(void: "hr", attributes)
    }

    public static func wbr(_ attributes: Attribute...) -> Element {
        Element(void: "wbr", attributes)
    }
}
