import Foundation
import HTTP

/// Counts a tenant's page views and orders from the responses its site sends, in memory
/// (`UsageMeter`), so no request waits for a usage write. The month is the one the request arrived in.
struct UsageCounting: Middleware {
    let meter: UsageMeter

    func handle(
        _ request: HTTPRequest, context: TenantContext, next: (HTTPRequest, TenantContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        let arrival = meter.clock()
        let response = try next(request, context)
        let counts = Self.counts(request, response, route: context.route)
        meter.record(counts, tenantID: context.tenant.id, at: arrival)
        return response
    }

    /// A page view is a successful HTML page fetched with `GET`; an order is a `POST /orders` that
    /// ends in the redirect to the gateway's checkout (a form sent back with errors is not one).
    static func counts(_ request: HTTPRequest, _ response: HTTPResponse, route: RouteRules) -> UsageCounts {
        var counts = UsageCounts()
        switch request.method {
        case .GET where (200..<300).contains(response.status.code) && isHTML(response):
            counts.pageViews = 1
        case .POST where route.family == .orders && response.status.code == 303:
            counts.orders = 1
        default:
            break
        }
        return counts
    }

    private static func isHTML(_ response: HTTPResponse) -> Bool {
        response.headers.values("Content-Type").first?.lowercased().hasPrefix("text/html") ?? false
    }
}
