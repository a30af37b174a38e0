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

extension Paths.Admin {
    public static let newSubscriber = "/admin/subscribers/new"
    public static let subscriberImport = "/admin/subscribers/import"
    public static let subscriberImportConfirm = "/admin/subscribers/import/confirm"
    public static let subscribersExport = "/admin/subscribers/export.csv"

    public static func subscriber(_ id: UUID) -> String { "/admin/subscribers/" + id.uuidString.lowercased() }

    /// A status change (`suspend`, `terminate`, `restore`) or `portal-password`.
    public static func subscriber(_ id: UUID, action: String) -> String { subscriber(id) + "/" + PathSegment.encode(action) }

    public static let newPlan = "/admin/plans/new"

    public static func plan(_ id: UUID) -> String { "/admin/plans/" + id.uuidString.lowercased() }

    /// `activate`, `deactivate` or `delete`.
    public static func plan(_ id: UUID, action: String) -> String { plan(id) + "/" + PathSegment.encode(action) }

    public static let invoicesExport = "/admin/invoices/export.csv"

    public static func invoice(_ number: String) -> String { "/admin/invoices/" + PathSegment.encode(number) }
    public static func invoicePayments(_ number: String) -> String { invoice(number) + "/payments" }
    public static func voidInvoice(_ number: String) -> String { invoice(number) + "/void" }
    public static func invoicePayLink(_ number: String) -> String { invoice(number) + "/pay-link" }
    public static func sendInvoicePayLink(_ number: String) -> String { invoicePayLink(number) + "/send" }

    public static let billingMessages = "/admin/billing/messages"

    public static let newReseller = "/admin/resellers/new"

    public static func reseller(_ id: UUID) -> String { "/admin/resellers/" + id.uuidString.lowercased() }
    public static func editReseller(_ id: UUID) -> String { reseller(id) + "/edit" }
    public static func resellerSettlements(_ id: UUID) -> String { reseller(id) + "/settlements" }

    /// A batch's cards; `perPage` cards on each A4 sheet, else the default.
    public static func printVoucherBatch(_ id: UUID, perPage: Int? = nil) -> String {
        let path = voucherBatch(id) + "/print"
        guard let perPage else { return path }
        return path + "?per_page=" + String(perPage)
    }

    public static func exportVoucherBatch(_ id: UUID) -> String { voucherBatch(id) + "/export.csv" }

    /// `disable`, `enable` or `delete`.
    public static func voucherBatch(_ id: UUID, action: String) -> String { voucherBatch(id) + "/" + PathSegment.encode(action) }

    private static func voucherBatch(_ id: UUID) -> String { "/admin/vouchers/" + id.uuidString.lowercased() }

    /// The finance report of one month, `YYYY-MM`.
    public static func finance(month: String) -> String { "/admin/finance?month=" + PathSegment.encode(month) }
    public static func exportFinance(month: String) -> String { "/admin/finance/export.csv?month=" + PathSegment.encode(month) }

    public static let newExpense = "/admin/finance/expenses/new"

    public static func expense(_ id: UUID) -> String { "/admin/finance/expenses/" + id.uuidString.lowercased() }
    public static func deleteExpense(_ id: UUID) -> String { expense(id) + "/delete" }

    public static let newRouter = "/admin/routers/new"

    public static func router(_ id: Int) -> String { "/admin/routers/" + String(id) }
    public static func deleteRouter(_ id: Int) -> String { router(id) + "/delete" }
    public static func routerTunnel(_ id: Int) -> String { router(id) + "/tunnel" }
    public static func deleteRouterTunnel(_ id: Int) -> String { routerTunnel(id) + "/delete" }

    public static func disconnectSession(_ id: Int64) -> String { "/admin/sessions/" + String(id) + "/disconnect" }

    // TEMPORARY until c2 merges: the list pages, which c2's section declares for the admin navigation.
    public static let subscribers = "/admin/subscribers"
    public static let plans = "/admin/plans"
    public static let invoices = "/admin/invoices"
    public static let billing = "/admin/billing"
    public static let resellers = "/admin/resellers"
    public static let vouchers = "/admin/vouchers"
    public static let finance = "/admin/finance"
    public static let routers = "/admin/routers"
    public static let sessions = "/admin/sessions"
}

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
