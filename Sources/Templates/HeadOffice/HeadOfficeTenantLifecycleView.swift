/// The page after creating a tenant: what head office passes on to the ISP.
public struct HeadOfficeTenantCreatedView: Sendable, Hashable {
    public let name: String
    /// `http(s)://<slug>.<base domain>/`, as this visitor reaches the platform.
    public let storeURL: String
    public let adminURL: String
    public let adminEmail: String
    public let csrfToken: String

    public init(name: String, storeURL: String, adminURL: String, adminEmail: String, csrfToken: String) {
        self.name = name
        self.storeURL = storeURL
        self.adminURL = adminURL
        self.adminEmail = adminEmail
        self.csrfToken = csrfToken
    }
}

/// The confirmation before deleting a tenant: head office types the slug to go on.
public struct HeadOfficeDeleteTenantView: Sendable, Hashable {
    public enum Field {
        public static let slug = "slug"
        public static let confirm = "confirm"
        public static let csrf = "_csrf"
    }

    public let name: String
    public let slug: String
    public let storeURL: String
    public let state: FormState
    public let csrfToken: String

    public init(name: String, slug: String, storeURL: String, state: FormState = FormState(), csrfToken: String) {
        self.name = name
        self.slug = slug
        self.storeURL = storeURL
        self.state = state
        self.csrfToken = csrfToken
    }
}

/// What the last head-office action on a tenant did, for the notice on the page it led back to.
public enum TenantActionDone: String, Sendable, Hashable, CaseIterable {
    case activated, deactivated, deleted, restored

    public func message(_ strings: TenantLifecycleStrings) -> String {
        switch self {
        case .activated: strings.noticeActivated
        case .deactivated: strings.noticeDeactivated
        case .deleted: strings.noticeDeleted
        case .restored: strings.noticeRestored
        }
    }
}
