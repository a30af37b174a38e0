import Foundation
import HTTP
import TestSupport
import Testing

/// Every GET page of the route tables, read from the tables themselves, in headless Chromium on a 390 px
/// phone (in Indonesian) and a 1280 px screen (in English), signed in where the page needs it (subscriber, tenant admin, head office):
/// none may be wider than the screen, log a console error or break the CSP, and no list may scroll
/// sideways inside itself (on a phone every `table.list` must be stacked). A new GET route must be
/// given a visit here or an excuse in `notPages`, or the test fails.
/// Screenshots: `.build/screenshots/phone-fit-390/` and `phone-fit-1280/`.
@Suite(.serialized, .timeLimit(.minutes(8))) struct PhoneFitBrowserTests {
    /// Who must be signed in to see a page; each group is visited in this order, one sign-in each
    /// (one `sid` cookie per host, so the subscriber's session gives way to the admin's).
    enum Visitor: CaseIterable { case buyer, subscriber, tenantAdmin, platformVisitor, headOffice }

    struct Visit {
        let visitor: Visitor
        let path: String
        /// Where the browser ends up, when the route redirects.
        var landing: String? = nil
    }

    /// GET routes that answer with something other than a page: nothing to lay out.
    static let notPages: Set<String> = [
        "global GET /healthz", "global GET /readyz",  // plain-text probes
        "global GET /assets/{path...}",  // style sheets, scripts, images
        "global GET /.well-known/gerbang/domain-check",  // the TLS front's yes/no for a host name
        "global GET /metrics",  // Prometheus text
        "platform GET /head-office/usage.json",  // JSON for head office's scripts
        "tenant GET /brand/theme.css", "tenant GET /brand/logo",  // the store's colours and logo
        "tenant GET /robots.txt", "tenant GET /favicon.ico",  // for crawlers; a redirect to the logo
        "tenant GET /admin/branding/preview.css",  // the preview's colours
        "tenant GET /admin/hotspot/{file}",  // a download of the exported hotspot files
        "tenant GET /admin/vouchers/{id}/export.csv",  // a batch's codes as CSV
        "tenant GET /admin/subscribers/export.csv",  // the subscribers as CSV
        "tenant GET /admin/invoices/export.csv",  // the invoices as CSV
        "tenant GET /admin/vouchers/{id}/print",  // A4 sheets of cards for printing: VoucherPrintBrowserTests
        "tenant GET /admin/finance/export.csv",  // the month's ledger as CSV
    ]

    static func visits(_ site: PhoneFitSite) -> [String: Visit] {
        let order = "/orders/\(site.order.number)?t=\(site.order.token)"
        return [
            "tenant GET /": Visit(visitor: .buyer, path: "/"),
            "tenant GET /vouchers/{id}": Visit(visitor: .buyer, path: "/vouchers/\(site.profileID)"),
            "tenant GET /orders/{number}": Visit(visitor: .buyer, path: order),
            "tenant GET /payments/return": Visit(
                visitor: .buyer, path: "/payments/return?order=\(site.order.number)&t=\(site.order.token)",
                landing: "/orders/\(site.order.number)"),
            "tenant GET /sandbox/checkout/{reference}": Visit(visitor: .buyer, path: "/sandbox/checkout/\(site.unpaid.reference)"),
            "tenant GET /sandbox/sent": Visit(visitor: .buyer, path: "/sandbox/sent"),
            "tenant GET /pages/{slug}": Visit(visitor: .buyer, path: "/pages/terms"),
            "tenant GET /pay/{token}": Visit(visitor: .buyer, path: "/pay/\(site.unpaid.token)"),
            "tenant GET /isolated": Visit(visitor: .buyer, path: "/isolated"),
            "tenant GET /portal/login": Visit(visitor: .buyer, path: "/portal/login"),
            "tenant GET /portal/forgot": Visit(visitor: .buyer, path: "/portal/forgot"),
            "tenant GET /portal/reset": Visit(visitor: .buyer, path: "/portal/reset?login=A-1001&sent=1"),
            "tenant GET /admin/login": Visit(visitor: .buyer, path: "/admin/login"),

            "tenant GET /portal": Visit(visitor: .subscriber, path: "/portal"),
            "tenant GET /portal/invoices": Visit(visitor: .subscriber, path: "/portal/invoices"),
            "tenant GET /portal/invoices/{number}": Visit(visitor: .subscriber, path: "/portal/invoices/\(site.unpaid.number)"),
            "tenant GET /portal/payments": Visit(visitor: .subscriber, path: "/portal/payments"),
            "tenant GET /portal/password": Visit(visitor: .subscriber, path: "/portal/password"),
            "tenant GET /portal/receipts/{number}": Visit(visitor: .subscriber, path: "/portal/receipts/\(site.paid.number)"),

            "tenant GET /admin": Visit(visitor: .tenantAdmin, path: "/admin"),
            "tenant GET /admin/branding": Visit(visitor: .tenantAdmin, path: "/admin/branding"),
            "tenant GET /admin/domains": Visit(visitor: .tenantAdmin, path: "/admin/domains"),
            "tenant GET /admin/hotspot": Visit(visitor: .tenantAdmin, path: "/admin/hotspot"),
            "tenant GET /admin/orders": Visit(visitor: .tenantAdmin, path: "/admin/orders"),
            "tenant GET /admin/orders/{number}": Visit(visitor: .tenantAdmin, path: "/admin/orders/\(site.order.number)"),
            "tenant GET /admin/invoices": Visit(visitor: .tenantAdmin, path: "/admin/invoices"),
            "tenant GET /admin/invoices/{number}": Visit(visitor: .tenantAdmin, path: "/admin/invoices/\(site.unpaid.number)"),
            "tenant GET /admin/subscribers/import": Visit(visitor: .tenantAdmin, path: "/admin/subscribers/import"),
            "tenant GET /admin/payments": Visit(visitor: .tenantAdmin, path: "/admin/payments"),
            "tenant GET /admin/billing": Visit(visitor: .tenantAdmin, path: "/admin/billing"),
            "tenant GET /admin/billing/messages": Visit(visitor: .tenantAdmin, path: "/admin/billing/messages"),
            "tenant GET /admin/whatsapp": Visit(visitor: .tenantAdmin, path: "/admin/whatsapp"),
            "tenant GET /admin/whatsapp/senders/{id}": Visit(
                visitor: .tenantAdmin, path: "/admin/whatsapp/senders/\(site.whatsAppSenderID)"),
            "tenant GET /admin/pages": Visit(visitor: .tenantAdmin, path: "/admin/pages"),
            "tenant GET /admin/pages/{slug}/{lang}": Visit(visitor: .tenantAdmin, path: "/admin/pages/how-to-buy/en"),
            "tenant GET /admin/profiles": Visit(visitor: .tenantAdmin, path: "/admin/profiles"),
            "tenant GET /admin/profiles/new": Visit(visitor: .tenantAdmin, path: "/admin/profiles/new"),
            "tenant GET /admin/profiles/{id}": Visit(visitor: .tenantAdmin, path: "/admin/profiles/\(site.profileID)"),
            "tenant GET /admin/routers": Visit(visitor: .tenantAdmin, path: "/admin/routers"),
            "tenant GET /admin/routers/new": Visit(visitor: .tenantAdmin, path: "/admin/routers/new"),
            "tenant GET /admin/routers/{id}": Visit(visitor: .tenantAdmin, path: "/admin/routers/\(site.routerID)"),
            "tenant GET /admin/plans": Visit(visitor: .tenantAdmin, path: "/admin/plans"),
            "tenant GET /admin/plans/new": Visit(visitor: .tenantAdmin, path: "/admin/plans/new"),
            "tenant GET /admin/plans/{id}": Visit(visitor: .tenantAdmin, path: "/admin/plans/\(site.planID)"),
            "tenant GET /admin/subscribers": Visit(visitor: .tenantAdmin, path: "/admin/subscribers"),
            "tenant GET /admin/subscribers/new": Visit(visitor: .tenantAdmin, path: "/admin/subscribers/new"),
            "tenant GET /admin/subscribers/{id}": Visit(
                visitor: .tenantAdmin, path: "/admin/subscribers/\(site.subscriber.id.uuidString.lowercased())"),
            "tenant GET /admin/sessions": Visit(visitor: .tenantAdmin, path: "/admin/sessions"),
            "tenant GET /admin/vouchers": Visit(visitor: .tenantAdmin, path: "/admin/vouchers"),
            "tenant GET /admin/resellers": Visit(visitor: .tenantAdmin, path: "/admin/resellers"),
            "tenant GET /admin/resellers/new": Visit(visitor: .tenantAdmin, path: "/admin/resellers/new"),
            "tenant GET /admin/resellers/{id}": Visit(visitor: .tenantAdmin, path: "/admin/resellers/\(site.resellerID)"),
            "tenant GET /admin/resellers/{id}/edit": Visit(
                visitor: .tenantAdmin, path: "/admin/resellers/\(site.resellerID)/edit"),
            "tenant GET /admin/audit": Visit(visitor: .tenantAdmin, path: "/admin/audit"),
            "tenant GET /admin/finance": Visit(visitor: .tenantAdmin, path: "/admin/finance"),
            "tenant GET /admin/finance/expenses/new": Visit(visitor: .tenantAdmin, path: "/admin/finance/expenses/new"),
            "tenant GET /admin/finance/expenses/{id}": Visit(
                visitor: .tenantAdmin, path: "/admin/finance/expenses/\(site.expenseID)"),
            "tenant GET /admin/password": Visit(visitor: .tenantAdmin, path: "/admin/password"),

            "platform GET /": Visit(visitor: .platformVisitor, path: "/"),
            "platform GET /head-office/login": Visit(visitor: .platformVisitor, path: "/head-office/login"),
            "platform GET /head-office": Visit(visitor: .headOffice, path: "/head-office"),
            "platform GET /head-office/domains": Visit(visitor: .headOffice, path: "/head-office/domains"),
            "platform GET /head-office/gateways": Visit(visitor: .headOffice, path: "/head-office/gateways"),
            "platform GET /head-office/accounts": Visit(visitor: .headOffice, path: "/head-office/accounts"),
            "platform GET /head-office/audit": Visit(visitor: .headOffice, path: "/head-office/audit"),
            "platform GET /head-office/finance": Visit(visitor: .headOffice, path: "/head-office/finance"),
            "platform GET /head-office/tenants/{slug}/created": Visit(
                visitor: .headOffice, path: "/head-office/tenants/\(site.shop.slug)/created"),
            "platform GET /head-office/tenants/{slug}/delete": Visit(
                visitor: .headOffice, path: "/head-office/tenants/\(site.shop.slug)/delete"),
        ]
    }

    @Test func everyGetPageOfTheRouteTablesFitsAPhoneAndAScreen() throws {
        let site = try PhoneFitSite.open()
        let visits = Self.visits(site)
        let routes = try HostileInputSweepTests.routes().filter { $0.method == .GET }
            .map { "\($0.table) GET \($0.pattern.description)" }
        let unplanned = routes.filter { visits[$0] == nil && !Self.notPages.contains($0) }
        #expect(unplanned.isEmpty, "GET routes neither visited nor excused as not a page: \(unplanned)")
        let stale = Set(visits.keys).union(Self.notPages).subtracting(routes)
        #expect(stale.isEmpty, "listed routes the tables no longer have: \(stale.sorted())")
        #expect(visits.count >= 40, "the sweep visits the pages: \(visits.count)")

        // Indonesian on the phone, as most buyers read the store and its words run longer; English on the screen.
        try sweep(site, visits: visits, on: .phone, language: "id")
        try sweep(site, visits: visits, on: .desktop, language: "en")
    }

    private func sweep(_ site: PhoneFitSite, visits: [String: Visit], on viewport: WebDriverBrowser.Viewport, language: String)
        throws
    {
        let port = SharedServer.process.port
        let flow = try BrowserFlow("phone-fit-\(viewport.width)", host: site.shop.host, port: port, viewport: viewport)
        let browser = flow.browser
        let platform = "http://\(HeadOfficeFixtures.platformHost):\(port)"
        var errorPages: [String] = []
        var sideways: [String] = []
        for visitor in Visitor.allCases {
            let origin = [.platformVisitor, .headOffice].contains(visitor) ? platform : flow.origin
            if visitor == .platformVisitor { try flow.collectViolations() }
            try signIn(visitor, site, flow, origin: origin, language: language)
            for (route, visit) in visits.filter({ $0.value.visitor == visitor }).sorted(by: { $0.key < $1.key }) {
                try browser.open(origin + visit.path)
                try browser.waitForPath(visit.landing ?? URLComponents(string: visit.path)?.path ?? visit.path)
                try flow.step(Self.stepName(route))
                // An error page fits as well as any: a fixture that no longer reaches its page must not pass unseen.
                errorPages += try flow.texts(".error-code").map { "\(route) at \(visit.path): \($0)" }
                sideways += try Self.sidewaysTables(browser).map { "\(route): \($0)" }
            }
        }
        #expect(errorPages.isEmpty, "visits that got an error page at \(viewport.width) px: \(errorPages)")
        #expect(sideways.isEmpty, "lists that scroll sideways or are not stacked at \(viewport.width) px: \(sideways)")
        try flow.expectCleanRun()
    }

    /// Lists the page would make a reader scroll sideways to read: a table (or its scrolling box) wider
    /// than the box it sits in, and on a phone any `table.list` not stacked into rows of labelled lines
    /// (the site's style sheet lets an unstacked one scroll inside itself, which the page's width hides).
    static func sidewaysTables(_ browser: WebDriverBrowser) throws -> [String] {
        try browser.run(
            """
            var phone = arguments[0];
            var found = [];
            document.querySelectorAll('table, .table-scroll').forEach(function (e) {
                var name = e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(' ').join('.') : '');
                if (e.scrollWidth > e.clientWidth + 1) { found.push(name + ' scrolls: ' + e.scrollWidth + ' in ' + e.clientWidth); }
                if (phone && e.matches('table.list:not(.stack)')) { found.push(name + ' is not stacked'); }
            });
            return found;
            """, [browser.viewport.isMobile]) as? [String] ?? []
    }

    /// Signs the visitor in, or for an anonymous one picks the language, which the site then remembers.
    private func signIn(_ visitor: Visitor, _ site: PhoneFitSite, _ flow: BrowserFlow, origin: String, language: String)
        throws
    {
        let account: (login: String, password: String, form: String, landing: String)
        switch visitor {
        case .buyer, .platformVisitor:
            try flow.browser.open(origin + "/?lang=\(language)")
            try flow.browser.waitForPath("/")
            return
        case .subscriber: account = (site.subscriber.customerNumber, site.subscriber.password, "/portal/login", "/portal")
        case .tenantAdmin: account = (site.admin.email, site.admin.password, "/admin/login", "/admin")
        case .headOffice: account = (site.headOffice.email, site.headOffice.password, "/head-office/login", "/head-office")
        }
        try flow.browser.open(origin + account.form + "?lang=\(language)")
        try flow.browser.waitForPath(account.form)
        try flow.browser.type(account.login, into: "#f-login")
        try flow.browser.type(account.password, into: "#f-password")
        try flow.click(".login-form button[type='submit']", thenWaitFor: account.landing)
    }

    /// `tenant GET /admin/orders/{number}` → `tenant-admin-orders-number`.
    static func stepName(_ route: String) -> String {
        route.replacingOccurrences(of: " GET ", with: "-").split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .joined(separator: "-")
    }
}
