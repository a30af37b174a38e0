import Foundation
import Templates

extension ContentPageEditor {
    /// A content page as the admin typed it, checked: a title of at most 200 characters and a
    /// Markdown body of at most 64 KiB, neither empty. Values are kept exactly as typed, so a form
    /// shown again after an error loses nothing.
    struct Draft: Sendable {
        typealias Field = AdminPagesEditView.Field

        static let maximumTitleLength = 200
        static let maximumMarkdownBytes = 64 * 1024

        let slug: String
        let language: Language
        let title: String
        let markdown: String
        let errors: [String: String]

        init(slug: String, language: Language, title: String, markdown: String, strings: AdminContentStrings) {
            self.slug = slug
            self.language = language
            self.title = title.trimmed
            // Browsers send textarea line breaks as CRLF; the shipped pages use LF.
            self.markdown = markdown.replacingOccurrences(of: "\r\n", with: "\n")
            var errors: [String: String] = [:]
            if self.title.isEmpty {
                errors[Field.title] = strings.errorTitleMissing
            } else if self.title.count > Self.maximumTitleLength {
                errors[Field.title] = strings.errorTitleTooLong(Self.maximumTitleLength)
            }
            if self.markdown.allSatisfy(\.isWhitespace) {
                errors[Field.markdown] = strings.errorMarkdownMissing
            } else if self.markdown.utf8.count > Self.maximumMarkdownBytes {
                errors[Field.markdown] = strings.errorMarkdownTooLong(Self.maximumMarkdownBytes / 1024)
            }
            self.errors = errors
        }

        /// The form's values, to show again.
        var values: [String: String] { [Field.title: title, Field.markdown: markdown] }
    }
}
