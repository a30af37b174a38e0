import Foundation
import HTTP

/// `GET /head-office/usage.json?period=YYYY-MM`: every tenant's figures for one UTC month, for head office's
/// billing scripts. Needs a head-office session (a `303` to the login without one); a missing or
/// malformed period is a 400.
struct HeadOfficeUsageController: Sendable {
    let services: HeadOfficeServices

    /// One tenant's line; the field names are the public format of this file.
    struct Line: Encodable {
        let tenantID: UUID
        let slug: String
        let name: String
        let orders: Int64
        let paidOrders: Int64
        let paidAmount: Int64
        let pageViews: Int64

        enum CodingKeys: String, CodingKey {
            case tenantID = "tenant_id"
            case slug, name, orders
            case paidOrders = "paid_orders"
            case paidAmount = "paid_amount"
            case pageViews = "page_views"
        }
    }

    struct Document: Encodable {
        let period: String
        let currency = "IDR"
        let tenants: [Line]
    }

    func addRoutes(to router: inout RouteGroup<AuthenticatedHeadOffice>) {
        router.get("/head-office/usage.json") { request, _, _ in
            guard let period = try request.queryItems["period"].flatMap(UsageMonth.init(parsing:)) else {
                throw HTTPError(.badRequest, "period must be a month written YYYY-MM")
            }
            let lines = try services.usage.monthlyUsage(period: period).map {
                Line(
                    tenantID: $0.tenantID, slug: $0.slug, name: $0.name, orders: $0.orders, paidOrders: $0.paidOrders,
                    paidAmount: $0.paidAmount, pageViews: $0.pageViews)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = try encoder.encode(Document(period: period.description, tenants: lines))
            var headers = HTTPHeaders()
            headers.set("Content-Type", "application/json; charset=utf-8")
            return HTTPResponse(status: .ok, headers: headers, body: [UInt8](body))
        }
    }
}
