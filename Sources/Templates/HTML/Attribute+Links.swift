// Links, media and document metadata. Every URL-valued attribute takes a `SafeURL`, so a string from
// data has passed the scheme check before it can get here.
extension Attribute {
    public static func href(_ url: SafeURL) -> Attribute { Attribute("href", .url(url)) }
    public static func src(_ url: SafeURL) -> Attribute { Attribute("src", .url(url)) }
    public static func action(_ url: SafeURL) -> Attribute { Attribute("action", .url(url)) }
    public static func formaction(_ url: SafeURL) -> Attribute { Attribute("formaction", .url(url)) }
    public static func poster(_ url: SafeURL) -> Attribute { Attribute("poster", .url(url)) }

    public static func rel(_ relation: String) -> Attribute { Attribute("rel", relation) }
    public static func hreflang(_ languageTag: String) -> Attribute { Attribute("hreflang", languageTag) }
    /// `target="_blank"` always together with `rel="noopener noreferrer"`, so the opened page cannot reach
    /// back through `window.opener` or learn where it came from.
    public static let openInNewTab = Attribute("target", token: "_blank\" rel=\"noopener noreferrer")

    public static func alt(_ text: String) -> Attribute { Attribute("alt", text) }
    public static func width(_ pixels: Int) -> Attribute { Attribute("width", pixels) }
    public static func height(_ pixels: Int) -> Attribute { Attribute("height", pixels) }
    public static func loading(_ loading: Loading) -> Attribute { Attribute("loading", loading.rawValue) }
    public static func media(_ query: String) -> Attribute { Attribute("media", query) }
    /// The `type` attribute holding a media type, as on `link`, `source` and `object`.
    public static func mimeType(_ mediaType: String) -> Attribute { Attribute("type", mediaType) }
    /// Machine-readable date or time on `time` (`2026-11-23`, `2026-11-23T13:04:00Z`).
    public static func datetime(_ value: String) -> Attribute { Attribute("datetime", value) }

    public static func charset(_ encoding: String) -> Attribute { Attribute("charset", encoding) }
    /// `content` of a named `meta` (description, viewport, theme-color). A refresh is built with
    /// `Element.metaRefresh(after:to:)` instead, so its URL passes the `SafeURL` check.
    public static func content(_ value: String) -> Attribute { Attribute("content", value) }

    public enum Loading: String, Sendable {
        case lazy, eager
    }
}
