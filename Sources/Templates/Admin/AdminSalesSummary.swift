/// A labelled list of already formatted lines (`dl.summary`), as the order and invoice details show them.
struct AdminSalesSummary: HTMLComponent {
    let lines: [SummaryLine]

    var body: HTMLFragment {
        Element.dl(.class("summary")) {
            for line in lines {
                Element.dt { line.label }
                Element.dd { line.value }
            }
        }
    }
}
