/// The search box and status filter above a sales list, as the admin last submitted them.
public struct AdminSalesSearch: Sendable, Hashable {
    public enum Field {
        public static let query = "q"
        public static let status = "status"
        public static let page = "page"
    }

    /// The list's own path: the form submits to it with GET, so a search is a link that can be shared.
    public let path: String
    public let query: String
    /// `""` for any status.
    public let status: String
    /// Every status the list can be filtered by (without "any", which the form adds).
    public let statuses: [SelectField.Option]

    public init(path: String, query: String, status: String, statuses: [SelectField.Option]) {
        self.path = path
        self.query = query
        self.status = status
        self.statuses = statuses
    }

    public var isFiltered: Bool { !query.isEmpty || !status.isEmpty }
}

/// The GET form for `AdminSalesSearch`.
struct AdminSalesSearchForm: HTMLComponent {
    let search: AdminSalesSearch
    let hint: String
    let strings: AdminSalesStrings

    var body: HTMLFragment {
        typealias Field = AdminSalesSearch.Field
        let state = FormState(values: [Field.query: search.query, Field.status: search.status])
        let options = [SelectField.Option(value: "", label: strings.anyStatus)] + search.statuses
        return HTMLFragment {
            Element.form(.class("admin-search"), .method(.get), .action(SafeURL(search.path)), .role("search")) {
                TextField(name: Field.query, label: strings.searchLabel, state: state, type: .search, hint: hint)
                SelectField(name: Field.status, label: strings.statusFilter, options: options, state: state)
                Element.div(.class("admin-search-actions")) {
                    Element.button(.class("button"), .type(.submit)) { strings.searchButton }
                    if search.isFiltered {
                        Element.a(.class("button secondary"), .href(SafeURL(search.path))) { strings.clearFilters }
                    }
                }
            }
        }
    }
}
