import Foundation

@testable import Templates

/// What the back-office rendering tests share: text an admin or a customer could have typed, how it must
/// come out, and the checks every admin page needs (the menu, a link, a field's value and its error).
enum AdminPageRendering {
    /// A name, note or search as someone hostile would type it.
    static let typed = "<script>alert(1)</script> & \"Budi\""
    /// `typed` in a text node: markup escaped, quotes left as they are.
    static let typedAsText = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Budi\""
    /// `typed` in an attribute value.
    static let typedAsAttribute = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Budi&quot;"

    /// The tenant's time zone, as the controllers format dates for it.
    static let times = DateText(timeZoneIdentifier: "Asia/Jakarta", language: .en)

    /// 23 November 2026, 19:05 in Jakarta.
    static let evening = Date(timeIntervalSince1970: 1_795_435_500)

    /// Whether `html` holds `typed` only escaped.
    static func escapesTyped(_ html: String) -> Bool {
        !html.contains("<script>alert(1)") && html.contains(typedAsText)
    }

    /// `href="…"` for a path as an attribute carries it.
    static func link(_ path: String) -> String {
        "href=\"" + path.replacingOccurrences(of: "&", with: "&amp;") + "\""
    }

    /// Whether the page has the back office's menu (every section, and sign-out posting with the token),
    /// with `current`, the section the page belongs to, marked as the only current entry.
    static func hasAdminMenu(_ html: String, csrfToken: String, current: String) -> Bool {
        let sections = [
            Paths.Admin.dashboard, Paths.Admin.orders, Paths.Admin.invoices, Paths.Admin.subscribers,
            Paths.Admin.finance, Paths.Admin.routers,
        ]
        return html.contains("<nav class=\"admin-nav\" aria-label=\"Store admin\">") && sections.allSatisfy { html.contains(link($0)) }
            && html.contains("action=\"\(Paths.Admin.logout)\"") && html.contains("value=\"\(csrfToken)\"")
            && html.contains("<a \(link(current)) aria-current=\"page\">")
            && html.components(separatedBy: "aria-current").count == 2
    }

    /// The markup of the field named `name`, from its control to the next field.
    static func field(_ name: String, in html: String) -> Substring? {
        guard let start = html.range(of: "id=\"f-\(name)\"") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<div class=\"field")?.lowerBound ?? rest.endIndex
        return rest[..<end]
    }

    /// Whether the field named `name` is marked invalid and says `message` right under it.
    static func fieldShowsError(_ html: String, _ name: String, _ message: String) -> Bool {
        guard let field = field(name, in: html) else { return false }
        return field.contains("aria-invalid=\"true\"")
            && field.contains("<p class=\"field-error\" id=\"f-\(name)-error\">\(message)</p>")
    }

    /// Whether the text field named `name` shows `value` (already as the attribute writes it).
    static func fieldKeeps(_ html: String, _ name: String, _ value: String) -> Bool {
        html.contains("name=\"\(name)\" value=\"\(value)\"")
    }
}
