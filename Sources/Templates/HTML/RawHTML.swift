/// Markup that is written to the page exactly as it is, without escaping.
///
/// This is the only door for raw markup, so it is deliberately narrow: a value comes either from a
/// `StaticString` literal in our own source (`RawHTML(trustedLiteral: "&nbsp;")`) or from
/// `Markdown.render(_:)`, whose output cmark has already made safe. There is no public initializer from a
/// runtime `String`: tenant or user data can never become markup by accident.
public struct RawHTML: Sendable {
    enum Storage: Sendable {
        case literal(StaticString)
        case rendered(String)
    }

    let storage: Storage

    /// A literal written by a developer in source code; it cannot be built from data.
    public init(trustedLiteral literal: StaticString) {
        storage = .literal(literal)
    }

    /// Only this module's Markdown renderer uses this.
    init(renderedByCMark markup: String) {
        storage = .rendered(markup)
    }

    /// The bytes the markup holds in memory (a literal lives in the binary and holds none).
    public var byteCount: Int {
        switch storage {
        case .literal: 0
        case .rendered(let markup): markup.utf8.count
        }
    }

    public var isEmpty: Bool {
        switch storage {
        case .literal(let literal): literal.utf8CodeUnitCount == 0
        case .rendered(let markup): markup.isEmpty
        }
    }
}

extension RawHTML: HTML {
    public func render(into buffer: inout HTMLBuffer) {
        switch storage {
        case .literal(let literal): buffer.appendLiteral(literal)
        case .rendered(let markup): buffer.appendTrusted(markup)
        }
    }
}
