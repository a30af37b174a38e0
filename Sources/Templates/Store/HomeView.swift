/// The tenant's home page: hero, catalogue, portal call, information pages.
public struct HomeView: Sendable {
    public struct Package: Sendable, Hashable {
        public let name: String
        public let price: String
        public let details: [String]
        public let href: String
        public init(name: String, price: String, details: [String], href: String) {
            self.name = name
            self.price = price
            self.details = details
            self.href = href
        }
    }

    public var packages: [Package]

    public init(packages: [Package]) {
        self.packages = packages
    }
}

/// A rendered Markdown page.
public struct ContentView: Sendable {
    public let title: String
    public let body: RawHTML

    public init(title: String, body: RawHTML) {
        self.title = title
        self.body = body
    }
}

/// An error page: what went wrong, in words a customer understands, and the request id for support.
public struct ErrorView: Sendable {
    public let status: Int
    public let title: String
    public let message: String
    /// Nil on a page built ahead of any request (a tenant's 429, rendered once per branding version).
    public let requestID: String?

    public init(status: Int, title: String, message: String, requestID: String?) {
        self.status = status
        self.title = title
        self.message = message
        self.requestID = requestID
    }
}
