import Foundation
import HTTP
import Templates

/// What a paged admin list was asked for: `?q=…&status=…&page=…`. Parsed once, so a malformed page
/// number or an unknown status is a 400 before any query runs, never a 500 from the database.
struct AdminListRequest: Sendable, Hashable {
    typealias Field = AdminSalesSearch.Field

    static let pageSize = 25
    /// Far beyond any real list; it only keeps `offset` arithmetic clear of overflow.
    static let maxPage = 1_000_000
    /// Longer than any name, number or phone anyone searches for.
    static let maxQueryLength = 200

    /// The search text, trimmed; `""` for none.
    let query: String
    /// One of the list's statuses, or `""` for any.
    let status: String
    /// The page asked for (1-based); past the last page the list shows its last page.
    let page: Int

    /// - Throws: 400 when `page` is not a whole number from 1, `status` is not one of `statuses`, or the search
    ///   is longer than `maxQueryLength`.
    init(request: HTTPRequest, statuses: [String]) throws(HTTPError) {
        let items = try request.queryItems
        // Searched as typed, never cut: a shortened search would show results for something else.
        let query = (items[Field.query] ?? "").trimmed
        guard query.count <= Self.maxQueryLength else {
            throw HTTPError(.badRequest, "the search is longer than \(Self.maxQueryLength) characters")
        }
        self.query = query
        status = items[Field.status] ?? ""
        guard status.isEmpty || statuses.contains(status) else {
            throw HTTPError(.badRequest, "unknown status filter")
        }
        page = try Self.page(items[Field.page])
    }

    /// A list's `page` parameter: 1 when absent. - Throws: 400 unless a whole number from 1.
    static func page(_ text: String?) throws(HTTPError) -> Int {
        guard let text, !text.isEmpty else { return 1 }
        guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let page = Int(text), (1...maxPage).contains(page)
        else {
            throw HTTPError(.badRequest, "page must be a whole number from 1")
        }
        return page
    }

    /// The search text as an order or invoice number (they are upper-case by schema); nil for no search.
    var number: String? { query.isEmpty ? nil : query.uppercased() }

    /// The search text as a phone number normalised the way the order form stores it; nil when it is not one.
    var phone: String? { try? IndonesianPhoneNumber(parsing: query).normalised }

    var statusFilter: String? { status.isEmpty ? nil : status }

    /// The list's URL for `page`, keeping the search and filter.
    func url(path: String, page: Int) -> String {
        var fields: [String] = []
        if !query.isEmpty { fields.append(Field.query + "=" + PathSegment.encode(query)) }
        if !status.isEmpty { fields.append(Field.status + "=" + PathSegment.encode(status)) }
        if page > 1 { fields.append(Field.page + "=\(page)") }
        return fields.isEmpty ? path : path + "?" + fields.joined(separator: "&")
    }

    /// Past this many rows a list says "more than 10000" rather than counting on: an exact count reads
    /// every row of the list (hundreds of thousands of a large ISP's orders or invoices) on every page
    /// view, and tells the admin nothing a search or filter would not tell better.
    static let countBound = 10_000

    /// How many rows a list's count reads at most: one more than `countBound`, or than the rows up to the
    /// end of the page asked for, so a deep page still knows it exists and that another follows.
    var countLimit: Int { max(Self.countBound, page * Self.pageSize) + 1 }

    /// Where the list stands once its rows are counted (at most `countLimit` of them).
    struct Window: Sendable, Hashable {
        /// The page to show: the one asked for, or the last one.
        let page: Int
        let lastPage: Int
        let offset: Int
        /// The list's size; with `isLowerBound`, the list has more rows than this.
        let totalCount: Int
        let isLowerBound: Bool
    }

    /// The page to show for `countedRows` (a count stopped at `countLimit`).
    func pageWindow(countedRows: Int) -> Window {
        guard countedRows < countLimit else {
            // Unknown beyond the rows counted: the page asked for exists, and so does the next one.
            let counted = countLimit - 1
            return Window(
                page: page, lastPage: counted / Self.pageSize + 1, offset: (page - 1) * Self.pageSize,
                totalCount: counted, isLowerBound: true)
        }
        let lastPage = max(1, (countedRows + Self.pageSize - 1) / Self.pageSize)
        let page = min(self.page, lastPage)
        return Window(
            page: page, lastPage: lastPage, offset: (page - 1) * Self.pageSize, totalCount: countedRows,
            isLowerBound: false)
    }

    /// The search form as the page shows it again.
    func search(path: String, statuses: [SelectField.Option]) -> AdminSalesSearch {
        AdminSalesSearch(path: path, query: query, status: status, statuses: statuses)
    }
}
