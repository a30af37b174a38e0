import Foundation
import HTTP
import Templates
import Testing

@testable import Web

/// Every link and redirect target `Paths` builds leads to a route of the site it is used on, for the
/// method it is used with: a route renamed in its controller without its builder fails here.
@Suite struct PathsTests {
    struct Link: CustomStringConvertible, Sendable {
        let method: HTTPMethod
        let path: String
        var description: String { "\(method.rawValue) \(path)" }

        init(_ method: HTTPMethod, _ path: String) {
            self.method = method
            self.path = path
        }
    }

    static let id = UUID()

    static let tenantLinks: [Link] = [
        Link(.GET, Paths.home), Link(.POST, Paths.orders), Link(.GET, Paths.voucher(id)),
        Link(.GET, Paths.order("GRB-2026 12/1", token: "a b&c")), Link(.GET, Paths.page("how-to-buy")),
        Link(.GET, Paths.paymentReturn),
        Link(.GET, Paths.Portal.home), Link(.GET, Paths.Portal.login), Link(.POST, Paths.Portal.login),
        Link(.POST, Paths.Portal.logout), Link(.GET, Paths.Portal.invoices), Link(.GET, Paths.Portal.payments),
        Link(.GET, Paths.Portal.password), Link(.POST, Paths.Portal.password), Link(.GET, Paths.Portal.forgot),
        Link(.POST, Paths.Portal.forgot), Link(.GET, Paths.Portal.reset), Link(.POST, Paths.Portal.reset),
        Link(.GET, Paths.Portal.invoice("INV/2026/1")), Link(.POST, Paths.Portal.payInvoice("INV/2026/1")),
        Link(.GET, Paths.Portal.receipt("INV/2026/1")), Link(.GET, Paths.payLink("t0k?en")),
        Link(.POST, Paths.payLink("t0k?en")), Link(.GET, Paths.Isolated.home),
        Link(.POST, Paths.Isolated.payInvoice("INV/2026/1")), Link(.GET, Paths.Admin.login), Link(.POST, Paths.Admin.login),
        Link(.GET, Paths.paymentReturn(order: "EV2026 1&x", token: "a b")), Link(.GET, Paths.paymentReturn(invoice: "IV1&x")),
        Link(.GET, Paths.sandboxCheckout("EV/1?x")), Link(.POST, Paths.sandboxCheckout("EV/1?x")), Link(.GET, Paths.sandboxSent),
        Link(.GET, Paths.Portal.passwordChanged), Link(.GET, Paths.Portal.reset(login: "a&b c")),
        Link(.GET, Paths.catalogue), Link(.GET, Paths.logo), Link(.GET, Paths.logo(version: 3)),
        Link(.GET, Paths.theme(version: 3)),
    ]

    /// Served on every host, before a site is chosen.
    static let anyHostLinks: [Link] = [
        Link(.GET, Paths.Assets.stylesheet), Link(.GET, Paths.Assets.icon), Link(.POST, Paths.webhook("sandbox")),
        Link(.POST, Paths.webhook("nosuch/pay")),
    ]

    /// The back office's shell, the store's settings and sales.
    static let adminStoreLinks: [Link] = [
        Link(.GET, Paths.Admin.dashboard), Link(.POST, Paths.Admin.logout), Link(.GET, Paths.Admin.password),
        Link(.POST, Paths.Admin.password), Link(.GET, Paths.Admin.branding), Link(.POST, Paths.Admin.branding),
        Link(.POST, Paths.Admin.brandingEdit), Link(.POST, Paths.Admin.brandingPreview),
        Link(.GET, Paths.Admin.brandingPreviewStylesheet(primary: "0a0b0c", accent: "ffeedd")),
        Link(.GET, Paths.Admin.domains), Link(.POST, Paths.Admin.domains), Link(.POST, Paths.Admin.removeDomain),
        Link(.POST, Paths.Admin.makeDomainPrimary), Link(.GET, Paths.Admin.hotspot),
        Link(.GET, Paths.Admin.hotspotFile("login page.html")), Link(.GET, Paths.Admin.pages),
        Link(.GET, Paths.Admin.page("how-to-buy", .id)), Link(.POST, Paths.Admin.page("how-to-buy", .en)),
        Link(.POST, Paths.Admin.pagePreview("how-to-buy", .en)),
        Link(.POST, Paths.Admin.pageRevert("how-to-buy", .en)), Link(.GET, Paths.Admin.profiles),
        Link(.GET, Paths.Admin.newProfile), Link(.POST, Paths.Admin.newProfile), Link(.GET, Paths.Admin.profile(id)),
        Link(.POST, Paths.Admin.profile(id)), Link(.POST, Paths.Admin.profileAction(id, "up")),
        Link(.GET, Paths.Admin.orders), Link(.GET, Paths.Admin.order("GRB-2026 12/1")),
        Link(.POST, Paths.Admin.orderMessages("GRB-2026 12/1")), Link(.GET, Paths.Admin.payments),
        Link(.POST, Paths.Admin.payments), Link(.GET, Paths.Admin.whatsApp), Link(.POST, Paths.Admin.whatsAppSenders),
        Link(.GET, Paths.Admin.whatsAppSender(id)), Link(.POST, Paths.Admin.whatsAppSender(id)),
        Link(.POST, Paths.Admin.deleteWhatsAppSender(id)), Link(.GET, Paths.Admin.audit),
        Link(.GET, Paths.Admin.subscribers), Link(.GET, Paths.Admin.plans), Link(.GET, Paths.Admin.invoices),
        Link(.GET, Paths.Admin.invoices(status: "unpaid")), Link(.GET, Paths.Admin.billing),
        Link(.GET, Paths.Admin.resellers), Link(.GET, Paths.Admin.vouchers), Link(.GET, Paths.Admin.finance),
        Link(.GET, Paths.Admin.routers), Link(.GET, Paths.Admin.sessions),
    ]

    /// Subscribers and billing, resellers, voucher batches, finance, routers and sessions.
    static let adminSubscriberLinks: [Link] = [
        Link(.GET, Paths.Admin.subscribers), Link(.GET, Paths.Admin.newSubscriber), Link(.POST, Paths.Admin.newSubscriber),
        Link(.GET, Paths.Admin.subscriber(id)), Link(.POST, Paths.Admin.subscriber(id)),
        Link(.POST, Paths.Admin.subscriber(id, action: "suspend")),
        Link(.POST, Paths.Admin.subscriber(id, action: "portal-password")), Link(.GET, Paths.Admin.subscriberImport),
        Link(.POST, Paths.Admin.subscriberImport), Link(.POST, Paths.Admin.subscriberImportConfirm),
        Link(.GET, Paths.Admin.subscribersExport), Link(.GET, Paths.Admin.plans), Link(.GET, Paths.Admin.newPlan),
        Link(.POST, Paths.Admin.newPlan), Link(.GET, Paths.Admin.plan(id)), Link(.POST, Paths.Admin.plan(id)),
        Link(.POST, Paths.Admin.plan(id, action: "deactivate")), Link(.GET, Paths.Admin.invoices),
        Link(.GET, Paths.Admin.invoicesExport), Link(.GET, Paths.Admin.invoice("INV/2026/1")),
        Link(.POST, Paths.Admin.invoicePayments("INV/2026/1")), Link(.POST, Paths.Admin.voidInvoice("INV/2026/1")),
        Link(.POST, Paths.Admin.invoicePayLink("INV/2026/1")), Link(.POST, Paths.Admin.sendInvoicePayLink("INV/2026/1")),
        Link(.GET, Paths.Admin.billing), Link(.POST, Paths.Admin.billing), Link(.GET, Paths.Admin.billingMessages),
        Link(.POST, Paths.Admin.billingMessages), Link(.GET, Paths.Admin.resellers), Link(.GET, Paths.Admin.newReseller),
        Link(.POST, Paths.Admin.newReseller), Link(.GET, Paths.Admin.reseller(id)), Link(.GET, Paths.Admin.editReseller(id)),
        Link(.POST, Paths.Admin.editReseller(id)), Link(.POST, Paths.Admin.resellerSettlements(id)),
        Link(.GET, Paths.Admin.vouchers), Link(.POST, Paths.Admin.vouchers), Link(.GET, Paths.Admin.printVoucherBatch(id)),
        Link(.GET, Paths.Admin.printVoucherBatch(id, perPage: 12)), Link(.GET, Paths.Admin.exportVoucherBatch(id)),
        Link(.POST, Paths.Admin.voucherBatch(id, action: "disable")), Link(.POST, Paths.Admin.voucherBatch(id, action: "delete")),
        Link(.GET, Paths.Admin.finance), Link(.GET, Paths.Admin.finance(month: "2026-12")),
        Link(.GET, Paths.Admin.exportFinance(month: "2026-12")), Link(.GET, Paths.Admin.newExpense),
        Link(.POST, Paths.Admin.newExpense), Link(.GET, Paths.Admin.expense(id)), Link(.POST, Paths.Admin.expense(id)),
        Link(.POST, Paths.Admin.deleteExpense(id)), Link(.GET, Paths.Admin.routers), Link(.GET, Paths.Admin.newRouter),
        Link(.POST, Paths.Admin.newRouter), Link(.GET, Paths.Admin.router(7)), Link(.POST, Paths.Admin.router(7)),
        Link(.POST, Paths.Admin.deleteRouter(7)), Link(.POST, Paths.Admin.routerTunnel(7)),
        Link(.POST, Paths.Admin.deleteRouterTunnel(7)), Link(.GET, Paths.Admin.sessions),
        Link(.POST, Paths.Admin.disconnectSession(42)),
    ]

    static let platformLinks: [Link] = [
        Link(.GET, Paths.HeadOffice.home), Link(.GET, Paths.HeadOffice.home(done: .deleted)),
        Link(.GET, Paths.HeadOffice.login), Link(.POST, Paths.HeadOffice.login), Link(.POST, Paths.HeadOffice.logout),
        Link(.POST, Paths.HeadOffice.tenants), Link(.POST, Paths.HeadOffice.activateTenant),
        Link(.POST, Paths.HeadOffice.deactivateTenant), Link(.POST, Paths.HeadOffice.deleteTenant),
        Link(.POST, Paths.HeadOffice.restoreTenant), Link(.GET, Paths.HeadOffice.tenantCreated("isp/a b")),
        Link(.GET, Paths.HeadOffice.confirmDelete("isp/a b")), Link(.GET, Paths.HeadOffice.domains),
        Link(.GET, Paths.HeadOffice.domainsSaved), Link(.POST, Paths.HeadOffice.approveDomain),
        Link(.POST, Paths.HeadOffice.rejectDomain), Link(.GET, Paths.HeadOffice.gateways),
        Link(.GET, Paths.HeadOffice.gatewaysSaved), Link(.POST, Paths.HeadOffice.gateway("x/y")),
        Link(.GET, Paths.HeadOffice.usage(period: "2026-12")), Link(.GET, Paths.HeadOffice.finance),
        Link(.GET, Paths.HeadOffice.finance(month: "2026-12")), Link(.GET, Paths.HeadOffice.accounts),
        Link(.GET, Paths.HeadOffice.accountsPasswordChanged), Link(.POST, Paths.HeadOffice.accounts),
        Link(.POST, Paths.HeadOffice.removeAccount), Link(.POST, Paths.HeadOffice.accountPassword),
        Link(.GET, Paths.HeadOffice.audit),
    ]

    static func routes() throws -> Routes { try ApplicationFuzzTests.application.get().routes }

    @Test(arguments: tenantLinks + adminStoreLinks + adminSubscriberLinks) func aTenantLinkLeadsToARoute(link: Link) throws {
        try Self.expectRoute(in: try Self.routes().tenant, link)
    }

    @Test(arguments: platformLinks) func aHeadOfficeLinkLeadsToARoute(link: Link) throws {
        try Self.expectRoute(in: try Self.routes().platform, link)
    }

    @Test(arguments: anyHostLinks) func anAnyHostLinkLeadsToARoute(link: Link) throws {
        try Self.expectRoute(in: try Self.routes().global, link)
    }

    @Test func aValueCannotAddASegmentOrAQuery() {
        #expect(Paths.Portal.invoice("../admin?x=1#y") == "/portal/invoices/..%2Fadmin%3Fx%3D1%23y")
        #expect(Paths.order("1", token: "a&t=b") == "/orders/1?t=a%26t%3Db")
        #expect(Paths.webhook("nosuch/pay") == "/payments/webhook/nosuch%2Fpay")
        #expect(Paths.sandboxCheckout("EV/1?x") == "/sandbox/checkout/EV%2F1%3Fx")
    }

    @Test func aSegmentIsEncodedByteByByteAndDecodesToItself() {
        #expect(PathSegment.encode("EV0A1B2C3D4E5F-x_y.z~") == "EV0A1B2C3D4E5F-x_y.z~")
        #expect(PathSegment.encode("") == "")
        #expect(PathSegment.encode("Rp 5.000/hari: ü%") == "Rp%205.000%2Fhari%3A%20%C3%BC%25")
        for text in ["a b", "ü/é?#&=+", "😀 %00", "tab\tx", String(repeating: "/", count: 300)] {
            #expect(PercentDecoding.decodePathSegment(Substring(PathSegment.encode(text))) == text)
        }
    }

    private static func expectRoute<Context>(in table: RouteTable<Context>, _ link: Link) throws {
        // The query and the fragment are the page's business, not the route's.
        let path = link.path.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? link.path
        guard case .found = try table.match(method: link.method, path: path) else {
            Issue.record("\(link) leads to no route")
            return
        }
    }
}
