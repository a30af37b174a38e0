/// `GET /head-office`: every tenant with its status, tier, domains and this month's figures, and the form
/// that creates a tenant.
public struct HeadOfficeTenantsView: Sendable {
    public enum Field {
        public static let slug = "slug"
        public static let name = "name"
        public static let tier = "tier"
        public static let adminEmail = "admin_email"
        public static let adminPassword = "admin_password"
        public static let csrf = "_csrf"
        /// The list's search: a name, slug or domain.
        public static let query = HeadOfficeSearchForm.field
    }

    public struct Domain: Sendable, Hashable {
        public let name: String
        public let isApproved: Bool

        public init(name: String, isApproved: Bool) {
            self.name = name
            self.isApproved = isApproved
        }
    }

    /// One month of one tenant's activity; zero where nothing happened.
    public struct Figures: Sendable, Hashable {
        public let orders: Int
        public let paidOrders: Int
        public let paidAmount: Int64
        public let pageViews: Int

        public init(orders: Int = 0, paidOrders: Int = 0, paidAmount: Int64 = 0, pageViews: Int = 0) {
            self.orders = orders
            self.paidOrders = paidOrders
            self.paidAmount = paidAmount
            self.pageViews = pageViews
        }
    }

    public struct Tenant: Sendable, Hashable {
        public let slug: String
        public let name: String
        public let tier: String
        public let isActive: Bool
        public let domains: [Domain]
        public let figures: Figures
        /// The tenant's store on its platform host, as this visitor reaches it (scheme and port included).
        public let storeURL: String
        /// Its registered routers, and the sessions open on them now.
        public var routers = 0
        public var online = 0

        public init(
            slug: String, name: String, tier: String, isActive: Bool, domains: [Domain], figures: Figures, storeURL: String
        ) {
            self.slug = slug
            self.name = name
            self.tier = tier
            self.isActive = isActive
            self.domains = domains
            self.figures = figures
            self.storeURL = storeURL
        }
    }

    /// `YYYY-MM`, the month the figures count.
    public let period: String
    /// The tenants of this page.
    public let tenants: [Tenant]
    /// The name, slug or domain the list was narrowed to; empty for every tenant.
    public let query: String
    /// Which page of the tenants this is; nil when they all fit on one.
    public let pager: AdminSalesPager?
    /// The tiers a new tenant may have, as stored (`starter` …).
    public let tiers: [String]
    /// Where a tenant's store lives: `<slug>.<baseDomain>`.
    public let baseDomain: String
    public let state: FormState
    public let csrfToken: String
    /// Deleted tenants, which head office can restore: slug and name.
    public let deleted: [(slug: String, name: String)]
    /// The action that led here, for its notice.
    public let done: TenantActionDone?

    public init(
        period: String, tenants: [Tenant], query: String = "", pager: AdminSalesPager? = nil, tiers: [String],
        baseDomain: String, state: FormState = FormState(), csrfToken: String, deleted: [(slug: String, name: String)] = [],
        done: TenantActionDone? = nil
    ) {
        self.period = period
        self.tenants = tenants
        self.query = query
        self.pager = pager
        self.tiers = tiers
        self.baseDomain = baseDomain
        self.state = state
        self.csrfToken = csrfToken
        self.deleted = deleted
        self.done = done
    }
}
