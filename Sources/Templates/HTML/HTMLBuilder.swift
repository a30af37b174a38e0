/// The result builder behind every element's trailing closure.
///
/// Supports `if`, `if let`, `else`, `switch`, `for`, `String` and `String?` children (escaped), `Int`
/// children, elements, fragments, `RawHTML` and `HTMLComponent`s. Every expression becomes an
/// `HTMLFragment`, so the type checker never has to solve nested generic types.
@resultBuilder
public enum HTMLBuilder {
    public static func buildExpression(_ text: String) -> HTMLFragment {
        HTMLFragment(node: .text(text))
    }

    /// An absent value renders nothing, so optional view-model fields can be written directly.
    public static func buildExpression(_ text: String?) -> HTMLFragment {
        guard let text else { return HTMLFragment() }
        return HTMLFragment(node: .text(text))
    }

    public static func buildExpression(_ number: Int) -> HTMLFragment {
        HTMLFragment(node: .number(number))
    }

    public static func buildExpression(_ element: Element) -> HTMLFragment {
        HTMLFragment(node: .element(element))
    }

    public static func buildExpression(_ markup: RawHTML) -> HTMLFragment {
        HTMLFragment(node: .raw(markup))
    }

    public static func buildExpression(_ fragment: HTMLFragment) -> HTMLFragment {
        fragment
    }

    public static func buildExpression(_ document: HTMLDocument) -> HTMLFragment {
        document.fragment
    }

    public static func buildExpression(_ component: some HTMLComponent) -> HTMLFragment {
        component.body
    }

    public static func buildBlock() -> HTMLFragment {
        HTMLFragment()
    }

    public static func buildBlock(_ part: HTMLFragment) -> HTMLFragment {
        part
    }

    public static func buildBlock(_ parts: HTMLFragment...) -> HTMLFragment {
        flatten(parts)
    }

    public static func buildOptional(_ part: HTMLFragment?) -> HTMLFragment {
        part ?? HTMLFragment()
    }

    public static func buildEither(first part: HTMLFragment) -> HTMLFragment {
        part
    }

    public static func buildEither(second part: HTMLFragment) -> HTMLFragment {
        part
    }

    public static func buildArray(_ parts: [HTMLFragment]) -> HTMLFragment {
        flatten(parts)
    }

    public static func buildLimitedAvailability(_ part: HTMLFragment) -> HTMLFragment {
        part
    }

    private static func flatten(_ parts: [HTMLFragment]) -> HTMLFragment {
        var count = 0
        for part in parts { count += part.nodes.count }
        var nodes: [HTMLNode] = []
        nodes.reserveCapacity(count)
        for part in parts { nodes.append(contentsOf: part.nodes) }
        return HTMLFragment(nodes: nodes)
    }
}
