/// `GET/POST /admin/profiles/new` and `/admin/profiles/{id}`: create or edit one voucher profile.
public struct AdminProfileFormPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminProfileFormView

    public init(chrome: SiteChrome, view: AdminProfileFormView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminProfileFormView.Field
        let strings = chrome.strings
        let words = chrome.language.adminContentStrings
        let state = view.state
        let heading = view.isNew ? words.newProfile : words.editProfile
        let units: [(AdminProfileFormView.ValidityUnit, String)] = [
            (.minutes, words.unitMinutes), (.hours, words.unitHours), (.days, words.unitDays),
        ]
        return SiteLayout(chrome: chrome, title: heading) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.profiles)
            Element.section(.class("panel"), .ariaLabelledBy("profile-heading")) {
                Element.h1(.id("profile-heading")) { heading }
                Element.p(.class("hint")) { words.soldVouchersNote }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(view.formPath)), .novalidate) {
                    FormErrorSummary(state: state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(name: Field.name, label: words.fieldName, state: state, required: true)
                    TextField(name: Field.description, label: words.fieldDescription, state: state)
                    TextField(
                        name: Field.price, label: words.fieldPrice, state: state, hint: words.fieldPriceHint, required: true,
                        inputMode: .numeric)
                    Element.div(.class("field-pair")) {
                        TextField(
                            name: Field.validity, label: words.fieldValidity, state: state, required: true,
                            inputMode: .numeric)
                        SelectField(
                            name: Field.validityUnit, label: words.fieldValidityUnit,
                            options: units.map { .init(value: $0.0.rawValue, label: $0.1) }, state: state)
                    }
                    SelectField(
                        name: Field.validityFrom, label: words.fieldValidityFrom,
                        options: [
                            .init(value: "first_login", label: words.validityFromFirstLogin),
                            .init(value: "purchase", label: words.validityFromPurchase),
                        ], state: state)
                    TextField(
                        name: Field.dataQuotaMB, label: words.fieldDataQuota, state: state, hint: words.fieldDataQuotaHint,
                        inputMode: .numeric)
                    TextField(
                        name: Field.downloadKbps, label: words.fieldDownloadKbps, state: state, hint: words.fieldSpeedHint,
                        inputMode: .numeric)
                    TextField(
                        name: Field.uploadKbps, label: words.fieldUploadKbps, state: state, hint: words.fieldSpeedHint,
                        inputMode: .numeric)
                    TextField(
                        name: Field.sharedUsers, label: words.fieldSharedUsers, state: state, required: true,
                        inputMode: .numeric)
                    TextField(
                        name: Field.radiusGroup, label: words.fieldRadiusGroup, state: state,
                        hint: words.fieldRadiusGroupHint)
                    TextField(
                        name: Field.codeLength, label: words.fieldCodeLength, state: state, required: true,
                        inputMode: .numeric)
                    Element.button(.class("button"), .type(.submit)) { view.isNew ? words.createProfile : strings.adminSave }
                }
            }
        }.body
    }
}
