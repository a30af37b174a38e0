/// An attribute of an element. Its name is always a literal in this module (or, for `data-*`, a
/// `StaticString` in the caller's source), never data; its value is escaped and double-quoted.
///
/// Build attributes with the static constructors: `.class("hero")`, `.id("main")`, `.href(url)`,
/// `.required`, `.checked(isChosen)` … Boolean attributes render as bare names, and a boolean that is
/// `false` renders nothing, so `.selected(option == current)` needs no `if`.
public struct Attribute: Sendable {
    enum Value: Sendable {
        case text(String)
        case number(Int)
        case url(SafeURL)
        /// A value fixed in this module's source, such as `post` or `_blank`.
        case token(StaticString)
        case bare
        case omitted
    }

    let name: StaticString
    /// `true` for `data-*` attributes, whose suffix comes from the caller's `StaticString`.
    let isData: Bool
    let value: Value

    init(_ name: StaticString, _ value: Value, isData: Bool = false) {
        self.name = name
        self.value = value
        self.isData = isData
    }

    init(_ name: StaticString, _ text: String) {
        self.init(name, .text(text))
    }

    init(_ name: StaticString, _ number: Int) {
        self.init(name, .number(number))
    }

    init(_ name: StaticString, token: StaticString) {
        self.init(name, .token(token))
    }

    init(_ name: StaticString, isOn: Bool) {
        self.init(name, isOn ? .bare : .omitted)
    }

    /// An attribute that renders nothing; handy in `condition ? .class("x") : .none`.
    public static let none = Attribute("", .omitted)

    /// `attribute` when `condition` holds, otherwise nothing.
    public static func when(_ condition: Bool, _ attribute: Attribute) -> Attribute {
        condition ? attribute : .none
    }

    /// `data-<name>="value"`. The name is a literal in your source: lower-case letters, digits and `-`.
    public static func data(_ name: StaticString, _ value: String) -> Attribute {
        precondition(isValidDataName(name), "data-* attribute names must be lower-case letters, digits and '-'")
        return Attribute(name, .text(value), isData: true)
    }

    static func isValidDataName(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { bytes in
            !bytes.isEmpty
                && bytes.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                }
        }
    }
}

extension Attribute {
    func render(into buffer: inout HTMLBuffer) {
        if case .omitted = value { return }
        buffer.appendByte(UInt8(ascii: " "))
        if isData { buffer.appendLiteral("data-") }
        buffer.appendLiteral(name)
        switch value {
        case .omitted, .bare:
            return
        case .text(let text):
            buffer.appendLiteral("=\"")
            buffer.appendEscapedAttributeValue(text)
        case .number(let number):
            buffer.appendLiteral("=\"")
            buffer.appendDecimal(number)
        case .url(let url):
            buffer.appendLiteral("=\"")
            buffer.appendEscapedAttributeValue(url.value)
        case .token(let token):
            buffer.appendLiteral("=\"")
            buffer.appendLiteral(token)
        }
        buffer.appendByte(UInt8(ascii: "\""))
    }
}
