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
    ]

    /// The back office's shell, the store's settings and sales.
    static let adminStoreLinks: [Link] = []

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

    static let platformLinks: [Link] = []

    static func routes() throws -> Routes { try ApplicationFuzzTests.application.get().routes }

    @Test(arguments: tenantLinks + adminStoreLinks + adminSubscriberLinks) func aTenantLinkLeadsToARoute(link: Link) throws {
        try Self.expectRoute(in: try Self.routes().tenant, link)
    }

    @Test(arguments: platformLinks) func aHeadOfficeLinkLeadsToARoute(link: Link) throws {
        try Self.expectRoute(in: try Self.routes().platform, link)
    }

    @Test func aValueCannotAddASegmentOrAQuery() {
        #expect(Paths.Portal.invoice("../admin?x=1#y") == "/portal/invoices/..%2Fadmin%3Fx%3D1%23y")
        #expect(Paths.order("1", token: "a&t=b") == "/orders/1?t=a%26t%3Db")
    }

    private static func expectRoute<Context>(in table: RouteTable<Context>, _ link: Link) throws {
        let path = link.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? link.path
        guard case .found = try table.match(method: link.method, path: path) else {
            Issue.record("\(link) leads to no route")
            return
        }
    }
}
