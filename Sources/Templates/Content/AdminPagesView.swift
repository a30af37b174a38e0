/// `GET /admin/pages`: every content page in every language, and whether the tenant has its own text.
public struct AdminPagesView: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// The page's name in the admin's language ("Terms and conditions").
        public let name: String
        public let language: Language
        /// The override's version, or nil while the page shows the default text.
        public let version: Int?
        /// Which page: its editor is `Paths.Admin.page(slug, language)`.
        public let slug: String

        public init(slug: String, name: String, language: Language, version: Int?) {
            self.slug = slug
            self.name = name
            self.language = language
            self.version = version
        }
    }

    public let entries: [Entry]
    public let csrfToken: String
    /// The admin just reverted a page to its default text.
    public let reverted: Bool

    public init(entries: [Entry], csrfToken: String, reverted: Bool = false) {
        self.entries = entries
        self.csrfToken = csrfToken
        self.reverted = reverted
    }
}
