import Templates

/// Where each page of a site snapshot lives, and relative links between them. The tenant's default
/// language is at the top (`index.html`, `pages/faq.html`); every other language has its own folder
/// (`en/index.html`, `en/pages/faq.html`). Shared assets sit at the top: `site.css`, `theme.css`, the logo.
struct SnapshotPaths {
    let defaultLanguage: Language

    func home(_ language: Language) -> String { folder(language) + "index.html" }

    func page(_ slug: String, _ language: Language) -> String { folder(language) + "pages/\(slug).html" }

    private func folder(_ language: Language) -> String {
        language == defaultLanguage ? "" : "\(language.rawValue)/"
    }

    /// A link from the file at `from` to the file at `to`, both relative to the snapshot's top.
    static func relative(from: String, to: String) -> String {
        var folders = from.split(separator: "/").dropLast()[...]
        var target = to.split(separator: "/", omittingEmptySubsequences: false)[...]
        while let folder = folders.first, target.count > 1, target.first == folder {
            folders.removeFirst()
            target.removeFirst()
        }
        return String(repeating: "../", count: folders.count) + target.joined(separator: "/")
    }
}
