/// `GET/POST /admin/profiles/new` and `/admin/profiles/{id}`: one voucher profile's form.
public struct AdminProfileFormView: Sendable, Hashable {
    public enum Field {
        public static let name = "name"
        public static let description = "description"
        public static let price = "price"
        public static let validity = "validity"
        public static let validityUnit = "validity_unit"
        public static let validityFrom = "validity_from"
        public static let dataQuotaMB = "data_quota_mb"
        public static let downloadKbps = "download_kbps"
        public static let uploadKbps = "upload_kbps"
        public static let sharedUsers = "shared_users"
        public static let radiusGroup = "radius_group"
        public static let codeLength = "code_length"
        public static let csrf = "_csrf"
    }

    /// The values of the validity unit's options.
    public enum ValidityUnit: String, Sendable, CaseIterable {
        case minutes, hours, days

        public var minutes: Int {
            switch self {
            case .minutes: 1
            case .hours: 60
            case .days: 1440
            }
        }
    }

    /// True for a profile not yet created.
    public let isNew: Bool
    public let state: FormState
    /// Where the form posts.
    public let formPath: String
    public let csrfToken: String

    public init(isNew: Bool, state: FormState, formPath: String, csrfToken: String) {
        self.isNew = isNew
        self.state = state
        self.formPath = formPath
        self.csrfToken = csrfToken
    }
}
