/// `GET /admin/finance?month=YYYY-MM&page=N`: one month of the tenant's ledger and what it adds up to.
/// Every figure here is a sum of all the month's rows, made once by the web layer, so the page cannot
/// disagree with itself; `entries` is one page of those rows.
public struct AdminFinanceView: Sendable {
    /// A total with a name: a package or plan, a channel, a category (as stored; the page names it).
    public struct Line: Sendable, Hashable {
        public let key: String
        public let amount: Int64
        public let count: Int

        public init(key: String, amount: Int64, count: Int) {
            self.key = key
            self.amount = amount
            self.count = count
        }
    }

    /// One day of the month: money in (net of refunds) and money out.
    public struct Day: Sendable, Hashable {
        /// `YYYY-MM-DD`
        public let date: String
        public let dayOfMonth: Int
        public let income: Int64
        public let expenses: Int64

        public init(date: String, dayOfMonth: Int, income: Int64, expenses: Int64) {
            self.date = date
            self.dayOfMonth = dayOfMonth
            self.income = income
            self.expenses = expenses
        }
    }

    /// One ledger row as shown.
    public struct Entry: Sendable, Hashable {
        public enum Kind: String, Sendable { case income, refund, expense }

        /// `YYYY-MM-DD`, in the tenant's time zone.
        public let date: String
        /// `HH:MM` for a payment; empty for an expense (a date only).
        public let time: String
        public let kind: Kind
        /// A channel (`online` …) or an expense category (`rent` …), as stored.
        public let channel: String
        public let item: String
        public let reference: String
        /// Signed as it moves the balance.
        public let amount: Int64
        /// An expense's edit page.
        public let editPath: String?

        public init(
            date: String, time: String, kind: Kind, channel: String, item: String, reference: String, amount: Int64,
            editPath: String?
        ) {
            self.date = date
            self.time = time
            self.kind = kind
            self.channel = channel
            self.item = item
            self.reference = reference
            self.amount = amount
            self.editPath = editPath
        }
    }

    /// `YYYY-MM`
    public let month: String
    /// `November 2026`
    public let monthName: String
    public let previousPath: String
    public let nextPath: String
    public let exportPath: String
    public let newExpensePath: String
    public let income: Int64
    public let expenses: Int64
    public let days: [Day]
    public let items: [Line]
    public let channels: [Line]
    public let categories: [Line]
    /// One page of the month's ledger rows (`pager` says which, and how many there are).
    public let entries: [Entry]
    public let pager: AdminSalesPager
    public let csrfToken: String
    /// The notice after a saved or deleted expense.
    public let notice: String?

    public var net: Int64 { income - expenses }

    public init(
        month: String, monthName: String, previousPath: String, nextPath: String, exportPath: String,
        newExpensePath: String, income: Int64, expenses: Int64, days: [Day], items: [Line], channels: [Line],
        categories: [Line], entries: [Entry], pager: AdminSalesPager, csrfToken: String, notice: String? = nil
    ) {
        self.month = month
        self.monthName = monthName
        self.previousPath = previousPath
        self.nextPath = nextPath
        self.exportPath = exportPath
        self.newExpensePath = newExpensePath
        self.income = income
        self.expenses = expenses
        self.days = days
        self.items = items
        self.channels = channels
        self.categories = categories
        self.entries = entries
        self.pager = pager
        self.csrfToken = csrfToken
        self.notice = notice
    }
}

/// `GET/POST /admin/finance/expenses/new` and `/admin/finance/expenses/{id}`: one expense's form.
public struct AdminExpenseFormView: Sendable {
    public enum Field {
        public static let date = "spent_on"
        public static let category = "category"
        public static let amount = "amount"
        public static let note = "note"
        public static let csrf = "_csrf"
    }

    /// The categories an expense may have, as stored, in the order the form offers them.
    public static let categories = ["bandwidth", "salaries", "rent", "electricity", "equipment", "other"]

    public let isNew: Bool
    public let state: FormState
    public let formPath: String
    /// Where the delete button posts; nil for a new expense.
    public let deletePath: String?
    public let backPath: String
    public let csrfToken: String

    public init(isNew: Bool, state: FormState, formPath: String, deletePath: String?, backPath: String, csrfToken: String) {
        self.isNew = isNew
        self.state = state
        self.formPath = formPath
        self.deletePath = deletePath
        self.backPath = backPath
        self.csrfToken = csrfToken
    }
}

/// `GET /head-office/finance?month=YYYY-MM`: every tenant's month, and their sum.
public struct HeadOfficeFinanceView: Sendable {
    public struct Tenant: Sendable, Hashable {
        public let slug: String
        public let name: String
        public let income: Int64
        public let expenses: Int64
        /// Income per channel, in the order of `HeadOfficeFinanceView.channels`.
        public let channels: [Int64]

        public init(slug: String, name: String, income: Int64, expenses: Int64, channels: [Int64]) {
            self.slug = slug
            self.name = name
            self.income = income
            self.expenses = expenses
            self.channels = channels
        }
    }

    /// The channels (as stored) the income columns show, in order.
    public let channels: [String]
    public let month: String
    public let monthName: String
    public let previousPath: String
    public let nextPath: String
    /// The tenants of this page.
    public let tenants: [Tenant]
    /// Every tenant's month summed: the platform's total, whichever page is shown.
    public let platform: Tenant
    /// Which page of the tenants this is; nil when they all fit on one.
    public let pager: AdminSalesPager?
    /// The piece of slug or name the rows were narrowed to; empty for every tenant.
    public let query: String
    public let csrfToken: String

    public var income: Int64 { platform.income }
    public var expenses: Int64 { platform.expenses }
    /// The platform's income per channel.
    public var channelTotals: [Int64] { platform.channels }

    /// `platform` is the whole platform's month, not the sum of `tenants`, which are one page of it.
    public init(
        channels: [String], month: String, monthName: String, previousPath: String, nextPath: String, tenants: [Tenant],
        platform: Tenant, pager: AdminSalesPager? = nil, query: String = "", csrfToken: String
    ) {
        self.channels = channels
        self.month = month
        self.monthName = monthName
        self.previousPath = previousPath
        self.nextPath = nextPath
        self.tenants = tenants
        self.platform = platform
        self.pager = pager
        self.query = query
        self.csrfToken = csrfToken
    }

}
