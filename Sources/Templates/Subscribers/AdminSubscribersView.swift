/// `GET /admin/subscribers`: one page of the tenant's subscribers.
public typealias AdminSubscribersView = AdminListView<AdminSubscriberRow>

/// One subscriber of the list, already formatted.
public struct AdminSubscriberRow: Sendable, Hashable {
    public let name: String
    public let detailURL: String
    public let customerNumber: String
    public let pppoeUsername: String
    public let phone: String
    public let plan: String
    public let status: AdminSalesBadge

    public init(
        name: String, detailURL: String, customerNumber: String, pppoeUsername: String, phone: String, plan: String,
        status: AdminSalesBadge
    ) {
        self.name = name
        self.detailURL = detailURL
        self.customerNumber = customerNumber
        self.pppoeUsername = pppoeUsername
        self.phone = phone
        self.plan = plan
        self.status = status
    }
}

/// `GET/POST /admin/subscribers/new` and `/admin/subscribers/{id}`: a subscriber's form and, for one
/// that exists, its status, portal password and invoices.
public struct AdminSubscriberView: Sendable, Hashable {
    public enum Field {
        public static let customerNumber = "customer_number"
        public static let name = "name"
        public static let phone = "phone"
        public static let email = "email"
        public static let address = "address"
        public static let pppoeUsername = "pppoe_username"
        public static let pppoePassword = "pppoe_password"
        public static let plan = "plan_id"
        public static let billingDay = "billing_day"
        public static let installationDate = "installation_date"
        public static let notes = "notes"
        public static let portalPassword = "portal_password"
        public static let reason = "reason"
        public static let csrf = "_csrf"
    }

    /// What an existing subscriber's page shows beyond the form.
    public struct Existing: Sendable, Hashable {
        /// A status change that applies now (`suspend`, `terminate`, `restore`) and where its button posts.
        public struct StatusChange: Sendable, Hashable {
            public let action: String
            public let path: String

            public init(action: String, path: String) {
                self.action = action
                self.path = path
            }
        }

        public let status: AdminSalesBadge
        /// `Suspended since 5 Dec 2026, 10:15`
        public let statusLine: String
        public let statusReason: String
        public let actions: [StatusChange]
        public let portalPasswordPath: String
        public var statusState: FormState
        public var portalState: FormState
        public let invoices: [AdminInvoiceRow]
        /// `saved`, `status` or `password`: which change the page follows.
        public let notice: String?

        public init(
            status: AdminSalesBadge, statusLine: String, statusReason: String, actions: [StatusChange],
            portalPasswordPath: String, statusState: FormState, portalState: FormState, invoices: [AdminInvoiceRow], notice: String?
        ) {
            self.status = status
            self.statusLine = statusLine
            self.statusReason = statusReason
            self.actions = actions
            self.portalPasswordPath = portalPasswordPath
            self.statusState = statusState
            self.portalState = portalState
            self.invoices = invoices
            self.notice = notice
        }
    }

    public let heading: String
    public let state: FormState
    public let plans: [SelectField.Option]
    public let formPath: String
    public let csrfToken: String
    /// Nil for a subscriber not yet created.
    public var existing: Existing?

    public init(
        heading: String, state: FormState, plans: [SelectField.Option], formPath: String, csrfToken: String,
        existing: Existing?
    ) {
        self.heading = heading
        self.state = state
        self.plans = plans
        self.formPath = formPath
        self.csrfToken = csrfToken
        self.existing = existing
    }
}
