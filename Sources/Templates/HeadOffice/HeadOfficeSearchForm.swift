/// The GET form above a head-office list of tenants: a name, slug or domain to look for, kept in the
/// list's links, so a search is an address that can be shared. `kept` are the list's other parameters
/// (the finance page's month).
struct HeadOfficeSearchForm: HTMLComponent {
    static let field = "q"

    let path: String
    let query: String
    var kept: [(name: String, value: String)] = []
    let strings: HeadOfficeStrings

    var body: HTMLFragment {
        let state = FormState(values: [Self.field: query])
        return HTMLFragment {
            Element.form(.class("admin-search"), .method(.get), .action(SafeURL(path)), .role("search")) {
                for (name, value) in kept { HiddenInput(name: name, value: value) }
                TextField(name: Self.field, label: strings.searchLabel, state: state, type: .search)
                Element.div(.class("admin-search-actions")) {
                    Element.button(.class("button"), .type(.submit)) { strings.searchButton }
                }
            }
        }
    }
}
