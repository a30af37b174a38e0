import Foundation
import Templates

/// The default pages shipped in `content/{language}/{slug}.md`, read once at start.
public struct DefaultContent: Sendable {
    /// The pages every tenant site has, in navigation order.
    public static let slugs = ["about", "how-to-buy", "faq", "terms", "privacy"]

    private let pages: [String: ContentPage]

    public init(directory: String) throws {
        var pages: [String: ContentPage] = [:]
        for language in Language.allCases {
            for slug in Self.slugs {
                let path = "\(directory)/\(language.rawValue)/\(slug).md"
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw DefaultContentError(path: path)
                }
                let markdown = String(decoding: data, as: UTF8.self)
                let title = ContentPage.title(fromMarkdown: markdown, fallback: slug)
                pages[Self.key(slug, language)] = ContentPage(
                    slug: slug, language: language, title: title, markdown: markdown, version: 0)
            }
        }
        self.pages = pages
    }

    public func page(_ slug: String, in language: Language) -> ContentPage? {
        pages[Self.key(slug, language)]
    }

    private static func key(_ slug: String, _ language: Language) -> String { "\(language.rawValue)/\(slug)" }
}

public struct DefaultContentError: Error, CustomStringConvertible {
    let path: String
    public var description: String { "default content page missing: \(path)" }
}
