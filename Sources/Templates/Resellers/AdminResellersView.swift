/// `GET /admin/resellers`: every reseller with its codes and money so far.
public struct AdminResellersView: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let terms: String
        public let taken: Int
        public let used: Int
        /// `Rp 12.000`, or `Credit Rp 3.000` when it has paid ahead.
        public let balance: String
        public let isActive: Bool
        public let path: String

        public init(name: String, terms: String, taken: Int, used: Int, balance: String, isActive: Bool, path: String) {
            self.name = name
            self.terms = terms
            self.taken = taken
            self.used = used
            self.balance = balance
            self.isActive = isActive
            self.path = path
        }
    }

    public let entries: [Entry]
    public let newPath: String
    public let csrfToken: String
    public let saved: Bool

    public init(entries: [Entry], newPath: String, csrfToken: String, saved: Bool) {
        self.entries = entries
        self.newPath = newPath
        self.csrfToken = csrfToken
        self.saved = saved
    }
}

/// `GET/POST /admin/resellers/new` and `/admin/resellers/{id}/edit`.
public struct AdminResellerFormView: Sendable, Hashable {
    public enum Field {
        public static let name = "name"
        public static let whatsApp = "whatsapp"
        public static let terms = "terms"
        public static let commission = "commission_percent"
        public static let cardPrice = "card_price"
        public static let active = "active"
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

/// `GET /admin/resellers/{id}`: one reseller's figures, batches and settlements, and the form that
/// records a settlement.
public struct AdminResellerView: Sendable, Hashable {
    public enum SettlementField {
        public static let amount = "amount"
        public static let day = "day"
        public static let method = "method"
        public static let note = "note"
        public static let csrf = "_csrf"
    }

    public struct Batch: Sendable, Hashable {
        public let created: String
        public let packageName: String
        public let quantity: Int
        public let used: Int
        public let cardPrice: String
        public let printPath: String

        public init(created: String, packageName: String, quantity: Int, used: Int, cardPrice: String, printPath: String) {
            self.created = created
            self.packageName = packageName
            self.quantity = quantity
            self.used = used
            self.cardPrice = cardPrice
            self.printPath = printPath
        }
    }

    public struct Settlement: Sendable, Hashable {
        public let day: String
        public let amount: String
        public let method: String
        public let note: String
        public let recordedBy: String

        public init(day: String, amount: String, method: String, note: String, recordedBy: String) {
            self.day = day
            self.amount = amount
            self.method = method
            self.note = note
            self.recordedBy = recordedBy
        }
    }

    public let name: String
    public let whatsApp: String?
    public let terms: String
    public let isActive: Bool
    /// Codes taken and used, what they cost, settled, and owes or credit.
    public let figures: [SummaryLine]
    public let batches: [Batch]
    public let settlements: [Settlement]
    public let settlementState: FormState
    public let settlementPath: String
    public let editPath: String
    public let csrfToken: String
    public let notice: String?

    public init(
        name: String, whatsApp: String?, terms: String, isActive: Bool, figures: [SummaryLine], batches: [Batch],
        settlements: [Settlement], settlementState: FormState, settlementPath: String, editPath: String,
        csrfToken: String, notice: String?
    ) {
        self.name = name
        self.whatsApp = whatsApp
        self.terms = terms
        self.isActive = isActive
        self.figures = figures
        self.batches = batches
        self.settlements = settlements
        self.settlementState = settlementState
        self.settlementPath = settlementPath
        self.editPath = editPath
        self.csrfToken = csrfToken
        self.notice = notice
    }
}
