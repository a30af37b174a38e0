/// `GET /admin`: the tenant admin's first page, every figure already formatted.
public struct AdminDashboardView: Sendable, Hashable {
    /// A figure as a tile: `Sales today`, `Rp 150.000`, `3 payments`, linking to the list behind it.
    public struct Tile: Sendable, Hashable {
        public let label: String
        public let value: String
        public let detail: String?
        public let path: String?

        public init(label: String, value: String, detail: String?, path: String?) {
            self.label = label
            self.value = value
            self.detail = detail
            self.path = path
        }
    }

    public struct Payment: Sendable, Hashable {
        public let when: String
        public let subject: String
        /// The order, invoice or reseller page; nil when the subject is gone.
        public let path: String?
        public let amount: String
        public let method: String

        public init(when: String, subject: String, path: String?, amount: String, method: String) {
            self.when = when
            self.subject = subject
            self.path = path
            self.amount = amount
            self.method = method
        }
    }

    public let tiles: [Tile]
    public let payments: [Payment]
    public let csrfToken: String

    public init(tiles: [Tile], payments: [Payment], csrfToken: String) {
        self.tiles = tiles
        self.payments = payments
        self.csrfToken = csrfToken
    }
}
