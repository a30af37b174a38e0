import Foundation

/// Every path the application links or redirects to, built from typed values. A route is declared
/// with its pattern spelled out (`"/orders/{number}"`, so a search for a URL finds its handler), and
/// the links to it are built here; `PathsTests` routes every builder's output through the route table,
/// so a renamed route cannot leave a dead link behind.
public enum Paths {
    // MARK: Store
    public static let home = "/"
    /// The home page's list of packages.
    public static let catalogue = home + "#catalogue"
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

    /// Where a gateway sends the buyer of an order back: the order and the buyer's proof of it.
    public static func paymentReturn(order number: String, token: String) -> String {
        paymentReturn + "?order=" + PathSegment.encode(number) + "&t=" + PathSegment.encode(token)
    }

    /// Where a gateway sends the payer of an invoice back: no secret, only the payment's reference.
    public static func paymentReturn(invoice reference: String) -> String {
        paymentReturn + "?invoice=" + PathSegment.encode(reference)
    }

    /// The built-in sandbox gateway's checkout page for one order or invoice.
    public static func sandboxCheckout(_ reference: String) -> String { "/sandbox/checkout/" + PathSegment.encode(reference) }
    /// The sandbox's notice after paying for an order this browser cannot see.
    public static let sandboxSent = "/sandbox/sent"

    /// Where a gateway (`midtrans`, `xendit`, `sandbox`) posts its notices of payments, on any host.
    public static func webhook(_ provider: String) -> String { "/payments/webhook/" + PathSegment.encode(provider) }

    // MARK: Branding and assets
    /// The tenant's logo, whichever version is current.
    public static let logo = "/brand/logo"
    /// The tenant's logo and theme at one branding version: a save makes new URLs, so browsers may keep them.
    public static func logo(version: Int) -> String { logo + "?v=" + String(version) }
    public static func theme(version: Int) -> String { "/brand/theme.css?v=" + String(version) }

    /// The files served as they are from `Public/`, on any host.
    public enum Assets {
        public static let stylesheet = "/assets/css/site.css"
        public static let icon = "/assets/img/icon.svg"
    }

    // MARK: Portal
    public enum Portal {
        public static let home = "/portal"
        public static let login = "/portal/login"
        public static let logout = "/portal/logout"
        public static let invoices = "/portal/invoices"
        public static let payments = "/portal/payments"
        public static let password = "/portal/password"
        /// The password page with its notice that the password was changed.
        public static let passwordChanged = password + "?changed=1"
        public static let forgot = "/portal/forgot"
        public static let reset = "/portal/reset"

        /// The reset form for `login`, saying a code was sent.
        public static func reset(login: String) -> String { reset + "?login=" + PathSegment.encode(login) + "&sent=1" }

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

extension Paths.Admin {
    /// The dashboard, where signing in lands.
    public static let dashboard = "/admin"
    public static let logout = "/admin/logout"
    public static let password = "/admin/password"

    public static let branding = "/admin/branding"
    /// The branding form again, with a previewed draft.
    public static let brandingEdit = "/admin/branding/edit"
    public static let brandingPreview = "/admin/branding/preview"

    /// The theme of a branding preview, for two `rrggbb` colours.
    public static func brandingPreviewStylesheet(primary: String, accent: String) -> String {
        "/admin/branding/preview.css?primary=" + PathSegment.encode(primary) + "&accent=" + PathSegment.encode(accent)
    }

    public static let domains = "/admin/domains"
    public static let removeDomain = "/admin/domains/remove"
    public static let makeDomainPrimary = "/admin/domains/primary"

    public static let hotspot = "/admin/hotspot"
    public static func hotspotFile(_ name: String) -> String { hotspot + "/" + PathSegment.encode(name) }

    public static let pages = "/admin/pages"
    /// A content page's editor, in one language.
    public static func page(_ slug: String, _ language: Language) -> String {
        pages + "/" + PathSegment.encode(slug) + "/" + language.rawValue
    }
    public static func pagePreview(_ slug: String, _ language: Language) -> String { page(slug, language) + "/preview" }
    public static func pageRevert(_ slug: String, _ language: Language) -> String { page(slug, language) + "/revert" }

    public static let profiles = "/admin/profiles"
    public static let newProfile = "/admin/profiles/new"
    public static func profile(_ id: UUID) -> String { profiles + "/" + id.uuidString.lowercased() }
    /// One of a profile's buttons (`up`, `down`, `hide`, `show`, `delete`, `restore`).
    public static func profileAction(_ id: UUID, _ action: String) -> String {
        profile(id) + "/" + PathSegment.encode(action)
    }

    public static let orders = "/admin/orders"
    public static func order(_ number: String) -> String { orders + "/" + PathSegment.encode(number) }
    /// Sends an order's codes again.
    public static func orderMessages(_ number: String) -> String { order(number) + "/messages" }

    public static let payments = "/admin/payments"

    public static let whatsApp = "/admin/whatsapp"
    public static let whatsAppSenders = "/admin/whatsapp/senders"
    public static func whatsAppSender(_ id: UUID) -> String { whatsAppSenders + "/" + id.uuidString.lowercased() }
    public static func deleteWhatsAppSender(_ id: UUID) -> String { whatsAppSender(id) + "/delete" }

    public static let audit = "/admin/audit"

    // The menu's entries for the subscriber, billing, reseller, finance and router pages (their lists).
    public static let subscribers = "/admin/subscribers"
    public static let plans = "/admin/plans"
    public static let invoices = "/admin/invoices"
    /// The invoice list showing one status (`unpaid`, `paid`, …).
    public static func invoices(status: String) -> String { invoices + "?status=" + PathSegment.encode(status) }
    public static let billing = "/admin/billing"
    public static let resellers = "/admin/resellers"
    public static let vouchers = "/admin/vouchers"
    public static let finance = "/admin/finance"
    public static let routers = "/admin/routers"
    public static let sessions = "/admin/sessions"
}

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
    /// Page `page` of the month's ledger (page 1 is the month's own address).
    public static func finance(month: String, page: Int) -> String { finance(month: month) + (page > 1 ? "&page=\(page)" : "") }
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
}

// MARK: Head office

extension Paths.HeadOffice {
    /// Every tenant, with this month's figures.
    public static let home = "/head-office"
    public static let login = "/head-office/login"
    public static let logout = "/head-office/logout"

    /// The tenant list with the notice of what was just done (`TenantActionDone`).
    public static func home(done: TenantActionDone) -> String { home + "?done=" + done.rawValue }
    /// Page `page` of the tenants matching `query` (page 1 of every tenant is the list's own address).
    public static func home(query: String, page: Int) -> String {
        let parameters = (query.isEmpty ? [] : ["q=" + PathSegment.encode(query)]) + (page > 1 ? ["page=\(page)"] : [])
        return parameters.isEmpty ? home : home + "?" + parameters.joined(separator: "&")
    }

    /// `POST`: a new tenant.
    public static let tenants = "/head-office/tenants"
    public static let activateTenant = "/head-office/tenants/activate"
    public static let deactivateTenant = "/head-office/tenants/deactivate"
    public static let deleteTenant = "/head-office/tenants/delete"
    public static let restoreTenant = "/head-office/tenants/restore"

    /// What to pass on to the ISP after creating its tenant.
    public static func tenantCreated(_ slug: String) -> String { "/head-office/tenants/" + PathSegment.encode(slug) + "/created" }
    /// The confirmation before deleting a tenant.
    public static func confirmDelete(_ slug: String) -> String { "/head-office/tenants/" + PathSegment.encode(slug) + "/delete" }

    public static let domains = "/head-office/domains"
    public static let domainsSaved = domains + "?saved=1"
    public static let approveDomain = "/head-office/domains/approve"
    public static let rejectDomain = "/head-office/domains/reject"

    public static let gateways = "/head-office/gateways"
    public static let gatewaysSaved = gateways + "?saved=1"
    public static func gateway(_ provider: String) -> String { "/head-office/gateways/" + PathSegment.encode(provider) }

    /// Every tenant's figures for one month (`YYYY-MM`), as JSON.
    public static func usage(period: String) -> String { "/head-office/usage.json?period=" + PathSegment.encode(period) }

    public static let finance = "/head-office/finance"
    public static func finance(month: String) -> String { finance + "?month=" + PathSegment.encode(month) }
    /// Page `page` of the month's stores, narrowed to those matching `query` (page 1 is the month's own
    /// address).
    public static func finance(month: String, query: String, page: Int) -> String {
        finance(month: month) + (query.isEmpty ? "" : "&q=" + PathSegment.encode(query)) + (page > 1 ? "&page=\(page)" : "")
    }

    public static let accounts = "/head-office/accounts"
    public static let accountsPasswordChanged = accounts + "?changed=1"
    public static let removeAccount = "/head-office/accounts/remove"
    public static let accountPassword = "/head-office/accounts/password"

    public static let audit = "/head-office/audit"
}

/// A value as one path segment or query value: everything but the unreserved characters is
/// percent-encoded, so no value can add a segment, a query or a fragment.
///
/// Byte by byte over UTF-8, with uppercase hex digits (RFC 3986). Most values (order numbers, tokens,
/// ids, slugs) need no escape and come back as they are, without a copy.
public enum PathSegment {
    public static func encode(_ text: String) -> String {
        guard !text.utf8.allSatisfy(isUnreserved) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// `nibble` is 0...15.
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }
}
