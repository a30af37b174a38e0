/// `GET /admin/audit` (a tenant's own trail) and `GET /head-office/audit` (every tenant's and head office's):
/// changes and security events, newest first, filtered by actor, action and days.
public struct AuditTrailView: Sendable, Hashable {
    public enum Field {
        public static let actor = "actor"
        public static let action = "action"
        public static let from = "from"
        public static let to = "to"
        public static let page = "page"
    }

    /// One entry, already formatted for the reader.
    public struct Row: Sendable, Hashable {
        public let when: String
        public let actor: String
        public let action: String
        public let subject: String
        public let address: String
        public let tenant: String

        public init(when: String, actor: String, action: String, subject: String, address: String, tenant: String) {
            self.when = when
            self.actor = actor
            self.action = action
            self.subject = subject
            self.address = address
            self.tenant = tenant
        }
    }

    public let path: String
    public let rows: [Row]
    /// The filters as typed.
    public let filters: FormState
    public let pager: AdminSalesPager
    /// Head office's view: a tenant column and head office's navigation.
    public let isHeadOffice: Bool
    public let csrfToken: String

    public init(
        path: String, rows: [Row], filters: FormState, pager: AdminSalesPager, isHeadOffice: Bool, csrfToken: String
    ) {
        self.path = path
        self.rows = rows
        self.filters = filters
        self.pager = pager
        self.isHeadOffice = isHeadOffice
        self.csrfToken = csrfToken
    }
}
