/// `GET /admin/vouchers`: the tenant's printed batches, and the form that generates one.
public struct AdminVouchersView: Sendable, Hashable {
    public enum Field {
        public static let package = "package"
        public static let quantity = "quantity"
        public static let codeLength = "code_length"
        public static let alphabet = "alphabet"
        public static let prefix = "prefix"
        public static let password = "password"
        public static let reseller = "reseller"
        public static let csrf = "_csrf"
    }

    public struct Entry: Sendable, Hashable {
        public let created: String
        public let packageName: String
        public let reseller: String
        /// The reseller's page; nil for a batch without one.
        public let resellerPath: String?
        public let quantity: Int
        public let used: Int
        public let isDisabled: Bool
        public let printPath: String
        public let csvPath: String
        /// Disables an active batch, enables a disabled one.
        public let togglePath: String
        public let deletePath: String

        public init(
            created: String, packageName: String, reseller: String, resellerPath: String?, quantity: Int, used: Int,
            isDisabled: Bool,
            printPath: String, csvPath: String, togglePath: String, deletePath: String
        ) {
            self.created = created
            self.packageName = packageName
            self.reseller = reseller
            self.resellerPath = resellerPath
            self.quantity = quantity
            self.used = used
            self.isDisabled = isDisabled
            self.printPath = printPath
            self.csvPath = csvPath
            self.togglePath = togglePath
            self.deletePath = deletePath
        }
    }

    public let entries: [Entry]
    public let packages: [SelectField.Option]
    /// The active resellers a batch may be given to, after "none".
    public let resellers: [SelectField.Option]
    public let state: FormState
    public let formPath: String
    public let csrfToken: String
    /// A confirmation or a refusal shown above the list.
    public let notice: String?
    public let alert: String?

    public init(
        entries: [Entry], packages: [SelectField.Option], resellers: [SelectField.Option], state: FormState,
        formPath: String, csrfToken: String, notice: String?, alert: String?
    ) {
        self.entries = entries
        self.packages = packages
        self.resellers = resellers
        self.state = state
        self.formPath = formPath
        self.csrfToken = csrfToken
        self.notice = notice
        self.alert = alert
    }
}

/// `GET /admin/vouchers/{id}/print`: one batch as A4 sheets of cards.
public struct VoucherCardsView: Sendable, Hashable {
    public struct Card: Sendable, Hashable {
        public let code: String
        /// nil when the code is its own password.
        public let password: String?

        public init(code: String, password: String?) {
            self.code = code
            self.password = password
        }
    }

    public struct PerPageLink: Sendable, Hashable {
        public let count: Int
        public let href: String
        public let isCurrent: Bool

        public init(count: Int, href: String, isCurrent: Bool) {
            self.count = count
            self.href = href
            self.isCurrent = isCurrent
        }
    }

    public let tenantName: String
    public let packageName: String
    public let price: String
    public let validity: String
    public let loginURL: String
    public let cards: [Card]
    public let perPage: Int
    public let perPageLinks: [PerPageLink]
    public let backPath: String

    public init(
        tenantName: String, packageName: String, price: String, validity: String, loginURL: String, cards: [Card],
        perPage: Int, perPageLinks: [PerPageLink], backPath: String
    ) {
        self.tenantName = tenantName
        self.packageName = packageName
        self.price = price
        self.validity = validity
        self.loginURL = loginURL
        self.cards = cards
        self.perPage = perPage
        self.perPageLinks = perPageLinks
        self.backPath = backPath
    }
}
