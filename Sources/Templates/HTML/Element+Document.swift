// The document skeleton and its metadata. `HTMLDocument` writes the doctype and `html` element.
extension Element {
    public static func html(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("html", attributes, content())
    }

    public static func head(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("head", attributes, content())
    }

    public static func body(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("body", attributes, content())
    }

    public static func title(
        _ attributes: Attribute..., @HTMLBuilder content: () -> HTMLFragment = { HTMLFragment() }
    ) -> Element {
        Element("title", attributes, content())
    }

    public static func meta(_ attributes: Attribute...) -> Element {
        Element(void: "meta", attributes)
    }

    public static func link(_ attributes: Attribute...) -> Element {
        Element(void: "link", attributes)
    }
}

extension Element {
    /// `<meta http-equiv="refresh" content="N; url=…">`. The target is a `SafeURL`, because browsers follow
    /// this like a link; a refused URL refreshes to `about:blank`.
    public static func metaRefresh(after seconds: Int, to url: SafeURL) -> Element {
        Element(
            void: "meta",
            [Attribute("http-equiv", token: "refresh"), Attribute("content", "\(max(0, seconds)); url=\(url.value)")]
        )
    }
}
