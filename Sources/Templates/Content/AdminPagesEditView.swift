/// `GET/POST /admin/pages/{slug}/{lang}`: one page's title and Markdown, a rendered preview of a draft,
/// and the page's saved versions.
public struct AdminPagesEditView: Sendable {
    public enum Field {
        public static let title = "title"
        public static let markdown = "markdown"
        public static let csrf = "_csrf"
    }

    public struct SavedVersion: Sendable, Hashable {
        public let version: Int
        public let savedBy: String
        /// Already in the tenant's time zone and the admin's language.
        public let savedAt: String

        public init(version: Int, savedBy: String, savedAt: String) {
            self.version = version
            self.savedBy = savedBy
            self.savedAt = savedAt
        }
    }

    /// The page's name in the admin's language.
    public let name: String
    /// The language of the page being edited (not necessarily the admin's).
    public let language: Language
    public let state: FormState
    /// Which page: the form posts to `Paths.Admin.page(slug, language)`, its preview and revert beside it.
    public let slug: String
    /// The override's version, or nil while the page shows the default text.
    public let version: Int?
    /// The draft rendered as the public page would show it; nil unless the admin asked for a preview.
    public let preview: ContentView?
    public let history: [SavedVersion]
    public let csrfToken: String
    public let saved: Bool

    public init(
        slug: String, name: String, language: Language, state: FormState, version: Int?,
        preview: ContentView? = nil, history: [SavedVersion], csrfToken: String, saved: Bool = false
    ) {
        self.name = name
        self.language = language
        self.state = state
        self.slug = slug
        self.version = version
        self.preview = preview
        self.history = history
        self.csrfToken = csrfToken
        self.saved = saved
    }
}
