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

extension TenantDatabase {
    /// A list's statements in one transaction of the tenant's scope, each planned for the values it is
    /// given. The lists' statements are prepared once per session with "no search" and "no filter" as
    /// null parameters; a generic plan, which PostgreSQL may settle on after a few runs, keeps both
    /// branches and so can use no index for either (a search by number would read all of a tenant's
    /// orders). The setting is sent with BEGIN, in the same round trip.
    func listTransaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.transaction(settings: settings + [("plan_cache_mode", "force_custom_plan")], body)
    }
}
