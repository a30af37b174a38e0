// Tables.
extension Element {
    public static func table(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("table", attributes, content())
    }

    public static func caption(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("caption", attributes, content())
    }

    public static func thead(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("thead", attributes, content())
    }

    public static func tbody(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("tbody", attributes, content())
    }

    public static func tfoot(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("tfoot", attributes, content())
    }

    public static func tr(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("tr", attributes, content())
    }

    public static func th(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("th", attributes, content())
    }

    public static func td(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("td", attributes, content())
    }
}
