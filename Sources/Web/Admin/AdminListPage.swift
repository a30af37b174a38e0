import Templates

/// One page of an admin list, and where it stands in the whole list.
struct AdminListPage<Row: Sendable>: Sendable {
    let rows: [Row]
    let totalCount: Int
    let page: Int
    let lastPage: Int

    /// The pager view, its links carrying the request's search and filter.
    func pager(path: String, request: AdminListRequest) -> AdminSalesPager {
        AdminSalesPager(
            page: page, lastPage: lastPage, totalCount: totalCount,
            previousURL: page > 1 ? request.url(path: path, page: page - 1) : nil,
            nextURL: page < lastPage ? request.url(path: path, page: page + 1) : nil)
    }
}
