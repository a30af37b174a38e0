/// The month a finance page shows: a month field that reloads the page (a plain GET form), and links to
/// the months before and after.
struct MonthPicker: HTMLComponent {
    let month: String
    let previousPath: String
    let nextPath: String
    let strings: FinanceStrings

    var body: HTMLFragment {
        Element.form(.class("month-picker"), .method(.get)) {
            Element.label(.for("f-month")) { strings.monthLabel }
            Element.input(.type(.month), .id("f-month"), .name("month"), .value(month), .required(true))
            Element.button(.class("button secondary"), .type(.submit)) { strings.showMonth }
        }
        Element.p(.class("actions month-steps")) {
            Element.a(.href(SafeURL(previousPath))) { strings.previousMonth }
            Element.a(.href(SafeURL(nextPath))) { strings.nextMonth }
        }
    }
}
