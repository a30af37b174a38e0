// Inline SVG for charts drawn on the server: the few shapes a bar chart needs. Like every element here,
// tag and attribute names are literals and every value is escaped, so a tenant's text in a label or a
// tooltip stays text.
extension Element {
    /// An `svg` element in HTML's SVG namespace; `viewBox` lets it scale to its box.
    public static func svg(
        width: Int, height: Int, _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment
    ) -> Element {
        Element(
            "svg",
            [Attribute("xmlns", token: "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 \(width) \(height)")]
                + attributes, content())
    }

    public static func g(_ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment) -> Element {
        Element("g", attributes, content())
    }

    /// A rectangle: children are only its `title` (the tooltip a pointer or screen reader gets).
    public static func rect(
        x: Int, y: Int, width: Int, height: Int, _ attributes: Attribute...,
        @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element(
            "rect",
            [Attribute("x", x), Attribute("y", y), Attribute("width", width), Attribute("height", height)] + attributes,
            content())
    }

    public static func line(x1: Int, y1: Int, x2: Int, y2: Int, _ attributes: Attribute...) -> Element {
        Element(
            "line", [Attribute("x1", x1), Attribute("y1", y1), Attribute("x2", x2), Attribute("y2", y2)] + attributes,
            HTMLFragment())
    }

    /// SVG's `text` at a point (HTML has no element of that name).
    public static func svgText(
        x: Int, y: Int, _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment
    ) -> Element {
        Element("text", [Attribute("x", x), Attribute("y", y)] + attributes, content())
    }

    /// SVG's `title`: the accessible name and tooltip of its parent shape.
    public static func svgTitle(@HTMLBuilder content: () -> HTMLFragment) -> Element {
        Element("title", [], content())
    }
}

extension Attribute {
    /// `text-anchor` of an SVG `text`.
    public enum TextAnchor: String, Sendable { case start, middle, end }

    public static func textAnchor(_ anchor: TextAnchor) -> Attribute { Attribute("text-anchor", anchor.rawValue) }
}
