/// `GET/POST /admin/plans/new` and `/admin/plans/{id}`: one monthly plan's form.
public struct AdminPlanFormView: Sendable, Hashable {
    public enum Field {
        public static let name = "name"
        public static let price = "price"
        public static let downloadKbps = "download_kbps"
        public static let uploadKbps = "upload_kbps"
        public static let radiusGroup = "radius_group"
        public static let isActive = "is_active"
        public static let csrf = "_csrf"
    }

    public let isNew: Bool
    public let state: FormState
    public let formPath: String
    public let csrfToken: String

    public init(isNew: Bool, state: FormState, formPath: String, csrfToken: String) {
        self.isNew = isNew
        self.state = state
        self.formPath = formPath
        self.csrfToken = csrfToken
    }
}

/// `GET /admin/plans`: every monthly plan of the tenant with its subscribers and buttons.
public struct AdminPlansView: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let name: String
        /// `Rp 200.000`
        public let price: String
        /// `20000k / 10000k`, or empty for no limit.
        public let speed: String
        public let radiusGroup: String
        public let isActive: Bool
        public let subscriberCount: Int
        public let editPath: String
        /// Where its activate or deactivate button posts, whichever applies.
        public let togglePath: String
        public let deletePath: String

        public init(
            name: String, price: String, speed: String, radiusGroup: String, isActive: Bool, subscriberCount: Int,
            editPath: String, togglePath: String, deletePath: String
        ) {
            self.name = name
            self.price = price
            self.speed = speed
            self.radiusGroup = radiusGroup
            self.isActive = isActive
            self.subscriberCount = subscriberCount
            self.editPath = editPath
            self.togglePath = togglePath
            self.deletePath = deletePath
        }
    }

    public let entries: [Entry]
    public let csrfToken: String
    public let saved: Bool
    /// Set when a delete was refused because the plan is in use.
    public let refusal: String?

    public init(entries: [Entry], csrfToken: String, saved: Bool = false, refusal: String? = nil) {
        self.entries = entries
        self.csrfToken = csrfToken
        self.saved = saved
        self.refusal = refusal
    }
}
