/// An HTML element whose tag name is a literal in this module, never data.
///
/// Pages build elements with the static constructors (`Element.div`, `Element.a(.href(url))`,
/// `Element.input(.type(.email))` …), which are the closed set of tags Gerbang uses. Children written in
/// the trailing closure are escaped unless they are `RawHTML`.
public struct Element: Sendable {
    let tag: StaticString
    let attributes: [Attribute]
    /// `nil` for void elements (`br`, `img`, `input` …), which have no closing tag.
    let children: HTMLFragment?
    /// `pre` and `textarea` drop one newline right after the start tag, so one is always written there
    /// to keep content that starts with a newline intact.
    let preservesLeadingNewline: Bool

    init(
        _ tag: StaticString, _ attributes: [Attribute], _ children: HTMLFragment,
        preservesLeadingNewline: Bool = false
    ) {
        self.tag = tag
        self.attributes = attributes
        self.children = children
        self.preservesLeadingNewline = preservesLeadingNewline
    }

    init(void tag: StaticString, _ attributes: [Attribute]) {
        self.tag = tag
        self.attributes = attributes
        self.children = nil
        self.preservesLeadingNewline = false
    }

    public var isVoid: Bool { children == nil }
}

extension Element: HTML {
    public func render(into buffer: inout HTMLBuffer) {
        buffer.appendByte(UInt8(ascii: "<"))
        buffer.appendLiteral(tag)
        for attribute in attributes {
            attribute.render(into: &buffer)
        }
        buffer.appendByte(UInt8(ascii: ">"))
        guard let children else { return }
        if preservesLeadingNewline { buffer.appendByte(UInt8(ascii: "\n")) }
        children.render(into: &buffer)
        buffer.appendLiteral("</")
        buffer.appendLiteral(tag)
        buffer.appendByte(UInt8(ascii: ">"))
    }
}
