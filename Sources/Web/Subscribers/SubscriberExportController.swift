import Foundation
import HTTP

/// `GET /admin/subscribers/export.csv` and `GET /admin/invoices/export.csv` (with the invoice list's
/// `q` and `status`): the signed-in admin's tenant's rows as CSV, cells a spreadsheet would run as a
/// formula prefixed with an apostrophe (`CSVText`), which the import takes off again.
struct SubscriberExportController: Sendable {
    let exports: SubscriberExportQuery

    func addRoutes(to router: inout RouteGroup<AuthenticatedTenantAdmin>) {
        router.get("/admin/subscribers/export.csv") { request, admin, _ in
            let context = admin.context
            let body = try refusingHuge { try exports.subscribers(for: context.tenant, by: AuditActor(admin, request: request)) }
            return Self.file(body, name: "subscribers-\(context.tenant.slug).csv")
        }
        router.get("/admin/invoices/export.csv") { request, admin, _ in
            let context = admin.context
            let list = try AdminListRequest(request: request, statuses: InvoiceListQuery.statuses)
            let body = try refusingHuge { try exports.invoices(list, for: context.tenant) }
            return Self.file(body, name: "invoices-\(context.tenant.slug).csv")
        }
    }

    private func refusingHuge(_ body: () throws -> [UInt8]) throws -> [UInt8] {
        do {
            return try body()
        } catch SubscriberExportQuery.Refusal.tooManyRows {
            throw HTTPError(
                .unprocessableContent, "more than \(SubscriberExportQuery.maxRows) rows: narrow the search or filter")
        }
    }

    private static func file(_ body: [UInt8], name: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/csv; charset=utf-8")
        headers.set("Content-Disposition", "attachment; filename=\"\(name)\"")
        return HTTPResponse(headers: headers, body: body)
    }
}
