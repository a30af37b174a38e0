/// `GET/POST /admin/vouchers`: the generate form above the tenant's batches, each with its print page,
/// CSV export, and disable/enable and delete buttons (CSRF-protected POSTs).
public struct AdminVouchersPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminVouchersView

    public init(chrome: SiteChrome, view: AdminVouchersView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminVouchersView.Field
        let words = chrome.language.adminVoucherStrings
        let state = view.state
        return SiteLayout(chrome: chrome, title: words.title) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.vouchers)
            Element.section(.class("panel"), .ariaLabelledBy("vouchers-heading")) {
                Element.h1(.id("vouchers-heading")) { words.title }
                if let notice = view.notice { FormNotice(notice) }
                if let alert = view.alert { Element.p(.class("form-alert"), .role("alert")) { alert } }
                Element.p { words.intro }
                Element.h2 { words.generateHeading }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(view.formPath)), .novalidate) {
                    FormErrorSummary(state: state, message: chrome.strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    SelectField(name: Field.package, label: words.fieldPackage, options: view.packages, state: state)
                    TextField(
                        name: Field.quantity, label: words.fieldQuantity, state: state, hint: words.fieldQuantityHint,
                        required: true, inputMode: .numeric)
                    TextField(
                        name: Field.codeLength, label: words.fieldCodeLength, state: state, required: true,
                        inputMode: .numeric)
                    SelectField(
                        name: Field.alphabet, label: words.fieldAlphabet,
                        options: [
                            .init(value: "unambiguous", label: words.alphabetUnambiguous),
                            .init(value: "digits", label: words.alphabetDigits),
                            .init(value: "alphanumeric", label: words.alphabetLettersDigits),
                        ], state: state)
                    TextField(name: Field.prefix, label: words.fieldPrefix, state: state, hint: words.fieldPrefixHint)
                    SelectField(
                        name: Field.password, label: words.fieldPassword,
                        options: [
                            .init(value: "same", label: words.passwordSame),
                            .init(value: "separate", label: words.passwordSeparate),
                        ], state: state)
                    SelectField(
                        name: Field.reseller, label: words.fieldReseller,
                        options: [.init(value: "", label: words.resellerNone)] + view.resellers, state: state,
                        hint: words.fieldResellerHint)
                    Element.button(.class("button"), .type(.submit)) { words.generate }
                }
            }
            Element.section(.class("panel"), .ariaLabelledBy("batches-heading")) {
                Element.h2(.id("batches-heading")) { words.title }
                if view.entries.isEmpty {
                    Element.p(.class("muted")) { words.empty }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack admin-vouchers")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { words.columnCreated }
                                    Element.th(.scope(.col)) { words.fieldPackage }
                                    Element.th(.scope(.col)) { words.fieldReseller }
                                    Element.th(.scope(.col)) { words.columnCodes }
                                    Element.th(.scope(.col)) { words.columnUsed }
                                    Element.th(.scope(.col)) { words.columnStatus }
                                    Element.th(.scope(.col)) { "" }
                                }
                            }
                            Element.tbody {
                                for entry in view.entries { row(entry, words: words) }
                            }
                        }
                    }
                }
            }
        }.body
    }

    private func row(_ entry: AdminVouchersView.Entry, words: AdminVoucherStrings) -> Element {
        Element.tr {
            Element.td(.data("label", words.columnCreated)) { entry.created }
            Element.td(.data("label", words.fieldPackage)) { entry.packageName }
            Element.td(.data("label", words.fieldReseller)) {
                if let path = entry.resellerPath {
                    Element.a(.href(SafeURL(path))) { entry.reseller }
                } else {
                    entry.reseller
                }
            }
            Element.td(.data("label", words.columnCodes)) { String(entry.quantity) }
            Element.td(.data("label", words.columnUsed)) { String(entry.used) }
            Element.td(.data("label", words.columnStatus)) {
                if entry.isDisabled {
                    Element.span(.class("badge bad")) { words.statusDisabled }
                } else {
                    Element.span(.class("badge good")) { words.statusActive }
                }
            }
            Element.td(.data("label", "")) {
                Element.div(.class("profile-actions")) {
                    Element.a(.class("button secondary"), .href(SafeURL(entry.printPath))) { words.print }
                    Element.a(.class("button secondary"), .href(SafeURL(entry.csvPath))) { words.exportCSV }
                    Element.form(.method(.post), .action(SafeURL(entry.togglePath))) {
                        HiddenInput(name: AdminVouchersView.Field.csrf, value: view.csrfToken)
                        Element.button(.class("button secondary"), .type(.submit)) {
                            entry.isDisabled ? words.enable : words.disable
                        }
                    }
                    Element.form(.method(.post), .action(SafeURL(entry.deletePath))) {
                        HiddenInput(name: AdminVouchersView.Field.csrf, value: view.csrfToken)
                        Element.button(.class("button secondary"), .type(.submit)) { words.delete }
                    }
                }
            }
        }
    }
}
