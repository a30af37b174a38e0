import Foundation

/// Every path the application links or redirects to, built from typed values. A route is declared
/// with its pattern spelled out (`"/orders/{number}"`, so a search for a URL finds its handler), and
/// the links to it are built here; `PathsTests` routes every builder's output through the route table,
/// so a renamed route cannot leave a dead link behind.
public enum Paths {
    // MARK: Store
    public static let home = "/"
    public static let orders = "/orders"

    public static func voucher(_ id: UUID) -> String { "/vouchers/" + id.uuidString.lowercased() }

    /// An order's status page; `token` is the buyer's proof of the order, carried by their links.
    public static func order(_ number: String, token: String? = nil) -> String {
        let path = "/orders/" + PathSegment.encode(number)
        guard let token else { return path }
        return path + "?t=" + PathSegment.encode(token)
    }

    public static func page(_ slug: String) -> String { "/pages/" + PathSegment.encode(slug) }

    // MARK: Payments
    public static let paymentReturn = "/payments/return"

    // MARK: Portal
    public enum Portal {
        public static let home = "/portal"
        public static let login = "/portal/login"
        public static let logout = "/portal/logout"
        public static let invoices = "/portal/invoices"
        public static let payments = "/portal/payments"
        public static let password = "/portal/password"
        public static let forgot = "/portal/forgot"
        public static let reset = "/portal/reset"

        public static func invoice(_ number: String) -> String { invoices + "/" + PathSegment.encode(number) }
        public static func payInvoice(_ number: String) -> String { invoice(number) + "/pay" }
        public static func receipt(_ number: String) -> String { "/portal/receipts/" + PathSegment.encode(number) }
    }

    /// A pay link: an invoice opened without signing in.
    public static func payLink(_ token: String) -> String { "/pay/" + PathSegment.encode(token) }

    // MARK: Isolation
    public enum Isolated {
        public static let home = "/isolated"
        public static func payInvoice(_ number: String) -> String { home + "/invoices/" + PathSegment.encode(number) + "/pay" }
    }

    /// The back office of a tenant's site (`/admin/…`).
    public enum Admin {
        public static let login = "/admin/login"
    }

    /// Head office, on the platform's own site (`/head-office/…`).
    public enum HeadOffice {}
}

// MARK: Admin: the shell, the store's settings and sales (dashboard, branding, pages, packages, orders, payments,
// WhatsApp, domains, hotspot export, audit trail, password)

// MARK: Admin: subscribers and billing (plans, subscribers, import/export, invoices, billing settings), resellers,
// voucher batches, finance, routers and sessions

// MARK: Head office

/// A value as one path segment or query value: everything but the unreserved characters is
/// percent-encoded, so no value can add a segment, a query or a fragment.
public enum PathSegment {
    public static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
