/// `GET/POST /admin/finance/expenses/new` and `/admin/finance/expenses/{id}`: add, edit or delete one
/// expense. A refused save shows the form again with what was typed and a message next to each field.
public struct AdminExpenseFormPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminExpenseFormView

    public init(chrome: SiteChrome, view: AdminExpenseFormView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminExpenseFormView.Field
        let words = chrome.language.financeStrings
        let state = view.state
        let heading = view.isNew ? words.newExpense : words.editExpense
        return SiteLayout(chrome: chrome, title: heading) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.finance)
            Element.section(.class("panel"), .ariaLabelledBy("expense-heading")) {
                Element.h1(.id("expense-heading")) { heading }
                Element.p { Element.a(.href(SafeURL(view.backPath))) { words.title } }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(view.formPath)), .novalidate) {
                    FormErrorSummary(state: state, message: chrome.strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(name: Field.date, label: words.fieldDate, state: state, type: .date, required: true)
                    SelectField(
                        name: Field.category, label: words.fieldCategory,
                        options: AdminExpenseFormView.categories.map { .init(value: $0, label: words.categoryName($0)) },
                        state: state)
                    TextField(
                        name: Field.amount, label: words.fieldAmount, state: state, hint: words.fieldAmountHint,
                        required: true, inputMode: .numeric)
                    TextField(name: Field.note, label: words.fieldNote, state: state)
                    Element.button(.class("button"), .type(.submit)) { words.saveExpense }
                }
                if let deletePath = view.deletePath {
                    Element.form(.method(.post), .action(SafeURL(deletePath))) {
                        HiddenInput(name: Field.csrf, value: view.csrfToken)
                        Element.button(.class("button danger"), .type(.submit)) { words.deleteExpense }
                    }
                }
            }
        }.body
    }
}
