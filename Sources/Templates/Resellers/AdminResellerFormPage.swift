/// `GET/POST /admin/resellers/new` and `/admin/resellers/{id}/edit`: add or edit one reseller.
public struct AdminResellerFormPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminResellerFormView

    public init(chrome: SiteChrome, view: AdminResellerFormView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminResellerFormView.Field
        let strings = chrome.strings
        let words = chrome.language.adminResellerStrings
        let state = view.state
        let heading = view.isNew ? words.newReseller : words.editReseller
        return SiteLayout(chrome: chrome, title: heading) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.resellers)
            Element.section(.class("panel"), .ariaLabelledBy("reseller-form-heading")) {
                Element.h1(.id("reseller-form-heading")) { heading }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(view.formPath)), .novalidate) {
                    FormErrorSummary(state: state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(name: Field.name, label: words.fieldName, state: state, required: true)
                    TextField(
                        name: Field.whatsApp, label: words.fieldWhatsApp, state: state, type: .tel,
                        hint: words.fieldWhatsAppHint, required: true)
                    SelectField(
                        name: Field.terms, label: words.fieldTerms,
                        options: [
                            .init(value: "commission", label: words.termsCommission),
                            .init(value: "price", label: words.termsPrice),
                        ], state: state, hint: words.fieldTermsHint)
                    TextField(
                        name: Field.commission, label: words.fieldCommission, state: state, hint: words.fieldCommissionHint,
                        inputMode: .numeric)
                    TextField(
                        name: Field.cardPrice, label: words.fieldCardPrice, state: state, hint: words.fieldCardPriceHint,
                        inputMode: .numeric)
                    CheckboxField(name: Field.active, state: state) { words.fieldActive }
                    Element.button(.class("button"), .type(.submit)) { view.isNew ? words.createReseller : strings.adminSave }
                }
            }
        }.body
    }
}
