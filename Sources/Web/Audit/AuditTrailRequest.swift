import Foundation
import HTTP
import Templates

/// What an audit-trail page was asked for: `?actor=…&action=…&from=YYYY-MM-DD&to=YYYY-MM-DD&page=…`.
/// Parsed once, so a malformed date or page is a 400 before any query runs.
struct AuditTrailRequest: Sendable, Hashable {
    typealias Field = AuditTrailView.Field

    /// Part of the actor (an admin's email, or a client address), any case; `""` for any.
    let actor: String
    /// One action exactly (`branding.update`, `login_failed` …); `""` for any.
    let action: String
    /// Days in the reader's zone (Jakarta), both included; `""` for no bound.
    let from: String
    let to: String
    let page: Int

    /// - Throws: 400 for a date that is not `YYYY-MM-DD` or a page that is not a whole number from 1.
    init(request: HTTPRequest) throws(HTTPError) {
        let items = try request.queryItems
        actor = String((items[Field.actor] ?? "").trimmed.prefix(100))
        action = String((items[Field.action] ?? "").trimmed.prefix(64))
        from = try Self.day(items[Field.from])
        to = try Self.day(items[Field.to])
        page = try AdminListRequest.page(items[Field.page])
    }

    private static func day(_ text: String?) throws(HTTPError) -> String {
        guard let text = text?.trimmed, !text.isEmpty else { return "" }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else {
            throw HTTPError(.badRequest, "dates are YYYY-MM-DD")
        }
        return text
    }

    /// The page's URL for `page`, keeping the filters.
    func url(path: String, page: Int) -> String {
        let fields =
            [(Field.actor, actor), (Field.action, action), (Field.from, from), (Field.to, to)]
            .filter { !$0.1.isEmpty }.map { $0.0 + "=" + PathSegment.encode($0.1) }
            + (page > 1 ? [Field.page + "=\(page)"] : [])
        return fields.isEmpty ? path : path + "?" + fields.joined(separator: "&")
    }

    func pager(path: String, totalCount: Int) -> (page: Int, offset: Int, pager: AdminSalesPager) {
        let pager = AdminSalesPager.at(page, totalCount: totalCount, pageSize: AdminListRequest.pageSize) {
            url(path: path, page: $0)
        }
        return (pager.page, (pager.page - 1) * AdminListRequest.pageSize, pager)
    }
}
