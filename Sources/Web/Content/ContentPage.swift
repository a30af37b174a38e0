import Templates

/// One Markdown page of a tenant's site in one language, before rendering.
public struct ContentPage: Sendable, Hashable {
    public let slug: String
    public let language: Language
    public let title: String
    public let markdown: String
    /// 0 for the default from `content/`; the override's version otherwise.
    public let version: Int
    public var isOverride: Bool { version > 0 }

    /// The title is the first `# ` heading of the Markdown; the slug if there is none.
    static func title(fromMarkdown markdown: String, fallback: String) -> String {
        for line in markdown.split(separator: "\n", maxSplits: 20) {
            let trimmed = line.trimmingPrefix(while: { $0 == " " })
            if trimmed.hasPrefix("# ") {
                let title = trimmed.dropFirst(2).trimmingPrefix(while: { $0 == " " })
                return String(title.reversed().drop(while: { $0 == " " || $0 == "#" }).reversed())
            }
        }
        return fallback
    }
}
