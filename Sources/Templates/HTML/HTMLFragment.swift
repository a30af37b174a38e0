/// A sequence of HTML nodes: what every `@HTMLBuilder` block produces.
///
/// The builder always yields this one concrete type (not a nest of generic types), which keeps type
/// checking of large pages fast and lets layouts store content as a plain value.
public struct HTMLFragment: Sendable {
    var nodes: [HTMLNode]

    public init() {
        nodes = []
    }

    public init(@HTMLBuilder _ content: () -> HTMLFragment) {
        self = content()
    }

    init(nodes: [HTMLNode]) {
        self.nodes = nodes
    }

    init(node: HTMLNode) {
        nodes = [node]
    }

    public var isEmpty: Bool { nodes.isEmpty }
}

/// One child of an element. Internal: pages only see elements, text and fragments.
enum HTMLNode: Sendable {
    case text(String)
    case number(Int)
    case raw(RawHTML)
    case element(Element)

    func render(into buffer: inout HTMLBuffer) {
        switch self {
        case .text(let text): buffer.appendEscapedText(text)
        case .number(let number): buffer.appendDecimal(number)
        case .raw(let markup): markup.render(into: &buffer)
        case .element(let element): element.render(into: &buffer)
        }
    }
}

extension HTMLFragment: HTML {
    public func render(into buffer: inout HTMLBuffer) {
        for node in nodes {
            node.render(into: &buffer)
        }
    }
}
