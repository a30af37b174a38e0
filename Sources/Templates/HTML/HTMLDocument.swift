/// A whole page: `<!DOCTYPE html>` and the `html` element around `head` and `body`.
///
/// ```swift
/// HTMLDocument(lang: "id") {
///     Element.head { Element.meta(.charset("utf-8")); Element.title { tenant.name } }
///     Element.body { … }
/// }
/// ```
public struct HTMLDocument: Sendable {
    public let lang: String
    public let content: HTMLFragment

    public init(lang: String, @HTMLBuilder content: () -> HTMLFragment) {
        self.lang = lang
        self.content = content()
    }

    public init(lang: String, content: HTMLFragment) {
        self.lang = lang
        self.content = content
    }
}

extension HTMLDocument: HTML {
    /// The document as a fragment, so an `HTMLComponent` (a layout) can return a whole page as its body.
    public var fragment: HTMLFragment {
        HTMLFragment(nodes: [
            .raw(RawHTML(trustedLiteral: "<!DOCTYPE html>")),
            .element(Element.html(.lang(lang)) { content }),
        ])
    }

    public func render(into buffer: inout HTMLBuffer) {
        fragment.render(into: &buffer)
    }
}
