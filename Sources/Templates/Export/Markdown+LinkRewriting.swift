import CCMark

#if canImport(Glibc)
    import Glibc
#endif

extension Markdown {
    /// Renders like `render(_:)`, after passing every link and image destination through `rewrite`.
    ///
    /// A static snapshot needs this: a page's `/pages/faq` must become a file next to it and `/portal`
    /// the live store. The destinations are changed in cmark's syntax tree, not in the HTML text, and
    /// the safe-mode renderer still refuses `javascript:` and friends in whatever `rewrite` returns.
    public static func render(_ text: String, rewritingLinks rewrite: (String) -> String) -> RawHTML {
        guard !text.isEmpty else { return RawHTML(renderedByCMark: "") }
        var text = text
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        let html: String? = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                guard let root = cmark_parse_document(characters.baseAddress, characters.count, options) else {
                    return nil
                }
                defer { cmark_node_free(root) }
                rewriteDestinations(under: root, rewrite)
                guard let pointer = cmark_render_html(root, options) else { return nil }
                defer { free(pointer) }
                return String(cString: pointer)
            }
        }
        return RawHTML(renderedByCMark: html ?? "")
    }

    private static func rewriteDestinations(under root: OpaquePointer, _ rewrite: (String) -> String) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else {
                continue
            }
            let rewritten = rewrite(String(cString: url))
            _ = rewritten.withCString { cmark_node_set_url(node, $0) }
        }
    }
}
