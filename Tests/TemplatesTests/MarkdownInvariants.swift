// Compiled twice: into TemplatesTests (seed replay) and, next to the Templates sources, into the libFuzzer
// harness `Fuzz/Markdown`, where the types are in the same module and there is nothing to import.
#if canImport(Templates)
    @testable import Templates
#endif

/// What must hold for any tenant-written Markdown and any placeholder value: the rendered HTML holds only
/// the tags and attributes cmark writes for CommonMark (no raw HTML, no event handlers, no `<script`), no
/// link or image URL runs script, and a value put into `{{name}}` reads back literally as text.
///
/// Fuzz input layout: the template, then optionally a 0x01 byte and a placeholder value.
enum MarkdownInvariants {
    private static let tags: Set<String> = [
        "a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p",
        "pre", "strong", "ul",
    ]
    private static let attributes: Set<String> = ["alt", "class", "href", "src", "start", "title"]
    private static let omitted = Array("<!-- raw HTML omitted -->".utf8)

    static func split(_ input: [UInt8]) -> (template: String, value: String) {
        guard let separator = input.firstIndex(of: 1) else { return (String(decoding: input, as: UTF8.self), "") }
        return (String(decoding: input[..<separator], as: UTF8.self), String(decoding: input[(separator + 1)...], as: UTF8.self))
    }

    /// Descriptions of every broken rule; empty when the input was handled correctly.
    static func violations(in input: [UInt8]) -> [String] {
        let (template, value) = split(input)
        var problems = unsafeMarkup(in: markup(Markdown.render(template)))
        let values = ["v": value, "tenant_name": value, "contact_email": value]
        let filled = Markdown.fillPlaceholders(template, values: values)
        problems += unsafeMarkup(in: markup(Markdown.render(filled))).map { "with placeholders filled: \($0)" }
        if template.utf8.firstRange(of: "{{".utf8) == nil, filled != template { problems.append("text without placeholders changed") }
        problems += literalValueProblems(value)
        return problems
    }

    /// A value between two words is one paragraph whose text is the value itself, line breaks made spaces.
    /// Compared as bytes, since a combining mark in the value would join a `Character` of the markup.
    private static func literalValueProblems(_ value: String) -> [String] {
        let html = Array(markup(Markdown.render(Markdown.fillPlaceholders("x {{v}} y", values: ["v": value]))).utf8)
        let expected = value.utf8.compactMap { $0 == 10 || $0 == 13 ? 32 : $0 == 0 ? nil : $0 }
        let (prefix, suffix) = (Array("<p>x ".utf8), Array(" y</p>\n".utf8))
        let shown = String(decoding: html, as: UTF8.self).debugDescription
        guard html.count >= prefix.count + suffix.count, html.starts(with: prefix), html.reversed().starts(with: suffix.reversed())
        else {
            return ["value \(value.debugDescription) broke out of its paragraph: \(shown)"]
        }
        let inner = html[prefix.count..<(html.count - suffix.count)]
        if inner.contains(UInt8(ascii: "<")) || decodedEntities(inner) != expected {
            return ["value \(value.debugDescription) rendered as \(shown)"]
        }
        return []
    }

    static func markup(_ html: RawHTML) -> String {
        switch html.storage {
        case .literal(let literal): literal.description
        case .rendered(let rendered): rendered
        }
    }

    /// Every `<` that cmark writes starts one of its own tags, since text is always escaped.
    static func unsafeMarkup(in html: String) -> [String] {
        let bytes = Array(html.utf8)
        var problems: [String] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if bytes[open...].starts(with: omitted) {
                index = open + omitted.count
                continue
            }
            guard let (end, problem) = tagEnd(bytes, from: open) else {
                problems.append("unterminated tag in \(html.debugDescription)")
                break
            }
            if let problem { problems.append(problem) }
            index = end
        }
        return problems
    }

    /// Reads `<name attr="value" …>` or `</name>`; returns the index after `>` and what is wrong, if anything.
    private static func tagEnd(_ bytes: [UInt8], from open: Int) -> (Int, String?)? {
        var index = open + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard tags.contains(name) else { return (index, "tag <\(name)> written") }
        while index < bytes.count {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
            if bytes[index...].starts(with: ">".utf8) { return (index + 1, nil) }
            if bytes[index...].starts(with: "/>".utf8) { return (index + 2, nil) }
            let attributeStart = index
            while index < bytes.count, isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self)
            guard attributes.contains(attribute), bytes[index...].starts(with: "=\"".utf8),
                let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "\""))
            else { return (index, "attribute \(attribute.debugDescription) on <\(name)>") }
            guard let value = decodedEntities(bytes[(index + 2)..<close]) else {
                return (close + 1, "an entity cmark does not write in <\(name) \(attribute)>")
            }
            if attribute == "href" || attribute == "src", let scheme = dangerousScheme(value) {
                let shown = String(decoding: value, as: UTF8.self).debugDescription
                return (close + 1, "\(scheme) URL \(shown) in <\(name) \(attribute)>")
            }
            index = close + 1
        }
        return nil
    }

    /// How a browser reads the scheme: leading controls and spaces dropped, tabs and newlines removed anywhere.
    private static func dangerousScheme(_ url: [UInt8]) -> String? {
        let cleaned = url.drop { $0 <= 32 }.filter { $0 != 9 && $0 != 10 && $0 != 13 }
        let lower = cleaned.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.starts(with: scheme.utf8) { return scheme }
        // cmark lets raster images through as data URLs in links too; none of them can run script.
        let rasterImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        if lower.starts(with: "data:".utf8), !rasterImages.contains(where: { lower.starts(with: $0.utf8) }) {
            return "data:"
        }
        return nil
    }

    /// The entities cmark writes in text and attributes, decoded in one pass over the bytes; `nil` for any
    /// other `&`, since cmark escapes every ampersand it is given and a browser would decode `&#106;`.
    private static func decodedEntities(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let entities: [(String, UInt8)] = [
            ("&amp;", 38), ("&lt;", 60), ("&gt;", 62), ("&quot;", 34), ("&#39;", 39), ("&#x27;", 39),
        ]
        var result: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "&") {
                guard let (entity, byte) = entities.first(where: { text[index...].starts(with: $0.0.utf8) }) else {
                    return nil
                }
                result.append(byte)
                index += entity.utf8.count
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 97 && byte <= 122 || byte >= 48 && byte <= 57
    }
}
