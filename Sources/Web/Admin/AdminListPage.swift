import Foundation
import Postgres
import Templates

/// One page of an admin list, and where it stands in the whole list.
struct AdminListPage<Row: Sendable>: Sendable {
    let rows: [Row]
    let window: AdminListRequest.Window

    var page: Int { window.page }
    var lastPage: Int { window.lastPage }
    /// The list's size; with `window.isLowerBound`, more rows than this.
    var totalCount: Int { window.totalCount }

    /// The pager view, its links carrying the request's search and filter.
    func pager(path: String, request: AdminListRequest) -> AdminSalesPager {
        AdminSalesPager(
            page: page, lastPage: lastPage, totalCount: totalCount, previousURL: page > 1 ? request.url(path: path, page: page - 1) : nil,
            nextURL: page < lastPage ? request.url(path: path, page: page + 1) : nil,
            totalCountIsLowerBound: window.isLowerBound)
    }
}

extension AdminListPage {
    /// A page found in two steps, so a large list is read once and only the page's rows are joined to
    /// what they show: `matches(offset)` counts what the request matches (at most `countLimit`) and
    /// picks the ids of the page from `offset` (none past the end); `rows` reads those. A page asked for
    /// past the end is asked again at the last page.
    init(
        _ request: AdminListRequest, matches: (_ offset: Int) throws -> (count: Int, ids: [UUID]),
        rows: ([UUID]) throws -> [Row]
    ) throws {
        let asked = (request.page - 1) * AdminListRequest.pageSize
        var found = try matches(asked)
        let window = request.pageWindow(countedRows: found.count)
        if window.offset != asked { found = try matches(window.offset) }
        self.init(rows: try rows(found.ids), window: window)
    }
}

extension DatabaseScope {
    /// A list's statements in one transaction of the scope, each planned for the values it is
    /// given. The lists' statements are prepared once per session with "no search" and "no filter" as
    /// null parameters; a generic plan, which PostgreSQL may settle on after a few runs, keeps both
    /// branches and so can use no index for either (a search by number would read all of a tenant's
    /// orders). The setting is sent with BEGIN, in the same round trip.
    func listTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(settings: settings + [("plan_cache_mode", "force_custom_plan")], body)
    }
}

extension AdminSalesPager {
    /// The pager of a list of `totalCount` rows, `pageSize` a page, at the page asked for or, past the
    /// end, at the last one (as every list answers a page past its end); `url` gives a page's link.
    static func at(
        _ requested: Int, totalCount: Int, pageSize: Int, url: (_ page: Int) -> String
    ) -> AdminSalesPager {
        let lastPage = max(1, (totalCount + pageSize - 1) / pageSize)
        let page = min(max(requested, 1), lastPage)
        return AdminSalesPager(
            page: page, lastPage: lastPage, totalCount: totalCount, previousURL: page > 1 ? url(page - 1) : nil,
            nextURL: page < lastPage ? url(page + 1) : nil)
    }
}
