/// A state shown as a small badge in the sales lists (an order's or invoice's status, a webhook outcome),
/// already in words; the tone only picks its colour, so the text alone carries the meaning.
public struct AdminSalesBadge: Sendable, Hashable, HTMLComponent {
    public enum Tone: String, Sendable, Hashable {
        case good, waiting, bad, quiet
    }

    public let text: String
    public let tone: Tone

    public init(_ text: String, tone: Tone) {
        self.text = text
        self.tone = tone
    }

    public var body: HTMLFragment {
        switch tone {
        case .good: Element.span(.class("badge good")) { text }
        case .waiting: Element.span(.class("badge waiting")) { text }
        case .bad: Element.span(.class("badge bad")) { text }
        case .quiet: Element.span(.class("badge quiet")) { text }
        }
    }
}
