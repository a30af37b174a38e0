/// Anything that can write itself into an `HTMLBuffer`: elements, fragments, documents, raw markup and
/// components.
public protocol HTML {
    func render(into buffer: inout HTMLBuffer)
}

extension HTML {
    /// Renders into a fresh buffer and returns its bytes, ready to be a response body.
    public func render(reservingCapacity capacity: Int = 16_384) -> [UInt8] {
        var buffer = HTMLBuffer(reservingCapacity: capacity)
        render(into: &buffer)
        return buffer.bytes
    }

    /// The rendered markup as a `String`; convenient in tests.
    public func renderString() -> String {
        String(decoding: render(), as: UTF8.self)
    }
}

/// A reusable piece of a page: a struct holding its view model, whose `body` describes its markup.
///
/// ```swift
/// struct PriceTag: HTMLComponent {
///     let price: String
///     var body: HTMLFragment {
///         Element.span(.class("price")) { price }
///     }
/// }
/// ```
///
/// Layouts take their content as a parameter, either as an `HTMLFragment` value or as an
/// `@HTMLBuilder` closure.
public protocol HTMLComponent: HTML {
    @HTMLBuilder var body: HTMLFragment { get }
}

extension HTMLComponent {
    public func render(into buffer: inout HTMLBuffer) {
        body.render(into: &buffer)
    }
}
