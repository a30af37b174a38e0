import CCMark

#if canImport(Glibc)
    import Glibc
#endif

/// CommonMark rendering of tenant-written and default content pages.
public enum Markdown {
    /// Renders CommonMark to HTML with cmark in its safe mode (the default since 0.30): raw HTML blocks and
    /// inline HTML become `<!-- raw HTML omitted -->`, and links or images whose URL is `javascript:`,
    /// `vbscript:`, `file:` or a non-image `data:` lose their URL. Invalid UTF-8 cannot occur in a `String`,
    /// and NUL bytes become U+FFFD. `CMARK_OPT_UNSAFE` is never passed.
    public static func render(_ text: String) -> RawHTML {
        guard !text.isEmpty else { return RawHTML(renderedByCMark: "") }
        var text = text
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        let html: String? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                guard let pointer = cmark_markdown_to_html(characters.baseAddress, characters.count, options) else {
                    return nil
                }
                defer { free(pointer) }
                return String(cString: pointer)
            }
        }
        return RawHTML(renderedByCMark: html ?? "")
    }

    /// Backslash-escapes every ASCII punctuation character, so the text reads literally in Markdown: no
    /// emphasis, links, images, autolinks, HTML, entities, headings or list markers. Line breaks become
    /// spaces, because a value must not start a new block.
    public static func escaped(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        for byte in text.utf8 {
            switch byte {
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E:
                result.append(UInt8(ascii: "\\"))
                result.append(byte)
            case 0x0A, 0x0D:
                result.append(UInt8(ascii: " "))
            case 0x00:
                continue
            default:
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
