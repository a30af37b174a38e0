/// `GET/POST /admin/billing`: the tenant's billing settings form.
public struct AdminBillingView: Sendable, Hashable {
    public enum Field {
        public static let timeZone = "time_zone"
        public static let prorate = "prorate_first_invoice"
        public static let dueDays = "due_days"
        public static let graceDays = "isolation_grace_days"
        public static let reminderDays = "reminder_days_before"
        public static let csrf = "_csrf"
    }

    /// Indonesia's three zones, the only ones offered.
    public static let timeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]

    public let state: FormState
    public let saved: Bool
    public let csrfToken: String

    public init(state: FormState, saved: Bool, csrfToken: String) {
        self.state = state
        self.saved = saved
        self.csrfToken = csrfToken
    }
}

/// `GET/POST /admin/billing/messages`: the tenant's WhatsApp texts, one box per message and language.
public struct AdminBillingMessagesView: Sendable, Hashable {
    public enum Field {
        public static let csrf = "_csrf"

        /// `issued_en`, `before_due_id` …
        public static func text(_ kind: BillingMessageKind, _ language: Language) -> String {
            kind.rawValue + "_" + language.rawValue
        }
    }

    public let state: FormState
    public let saved: Bool
    public let csrfToken: String

    public init(state: FormState, saved: Bool, csrfToken: String) {
        self.state = state
        self.saved = saved
        self.csrfToken = csrfToken
    }
}

/// The pay-link part of `GET /admin/invoices/{number}`: issue a new link or send one by WhatsApp, and
/// which messages the billing run has sent.
public struct AdminInvoicePayLinkView: Sendable, Hashable {
    /// Unpaid, so it has a link to renew.
    public let isOpen: Bool
    public let hasWhatsApp: Bool
    public let reissuePath: String
    public let resendPath: String
    /// The link just drawn: shown once, never stored.
    public let newLink: String?
    public let notice: String?
    /// Each message sent, with when.
    public let sent: [SummaryLine]
    public let csrfToken: String

    public init(
        isOpen: Bool, hasWhatsApp: Bool, reissuePath: String, resendPath: String, newLink: String?, notice: String?,
        sent: [SummaryLine], csrfToken: String
    ) {
        self.isOpen = isOpen
        self.hasWhatsApp = hasWhatsApp
        self.reissuePath = reissuePath
        self.resendPath = resendPath
        self.newLink = newLink
        self.notice = notice
        self.sent = sent
        self.csrfToken = csrfToken
    }
}
