/// A list table of the sales pages: a header row and rows of already built cells, each row a stack of
/// labelled lines on a phone (`table.stack` in site.css); without rows, a sentence saying so instead.
struct AdminSalesTable: HTMLComponent {
    let headers: [String]
    let rows: [[HTMLFragment]]
    let emptyText: String

    var body: HTMLFragment {
        if rows.isEmpty {
            Element.p(.class("muted")) { emptyText }
        } else {
            table
        }
    }

    @HTMLBuilder
    private var table: HTMLFragment {
        Element.div(.class("table-scroll")) {
            Element.table(.class("list stack")) {
                Element.thead {
                    Element.tr {
                        for header in headers {
                            Element.th(.scope(.col)) { header }
                        }
                    }
                }
                Element.tbody {
                    for cells in rows {
                        Element.tr {
                            for (index, cell) in cells.enumerated() {
                                Element.td(.data("label", index < headers.count ? headers[index] : "")) { cell }
                            }
                        }
                    }
                }
            }
        }
    }
}
