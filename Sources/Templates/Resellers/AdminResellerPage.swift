/// `GET /admin/resellers/{id}` (and a refused settlement's 422): one reseller's figures, its batches and
/// settlements, and the form that records a settlement.
public struct AdminResellerPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminResellerView

    public init(chrome: SiteChrome, view: AdminResellerView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.adminResellerStrings
        return SiteLayout(chrome: chrome, title: view.name) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.resellers)
            Element.section(.class("panel"), .ariaLabelledBy("reseller-heading")) {
                Element.h1(.id("reseller-heading")) { view.name }
                if let notice = view.notice { FormNotice(notice) }
                Element.p {
                    view.terms
                    " · "
                    view.whatsApp ?? words.noWhatsApp
                    " · "
                    ResellerStatusBadge(isActive: view.isActive, words: words)
                }
                AdminSalesSummary(lines: view.figures)
                Element.p { Element.a(.class("button secondary"), .href(SafeURL(view.editPath))) { words.edit } }
            }
            settlementForm(words)
            Element.section(.class("panel"), .ariaLabelledBy("reseller-batches-heading")) {
                Element.h2(.id("reseller-batches-heading")) { words.batchesHeading }
                if view.batches.isEmpty {
                    Element.p(.class("muted")) { words.batchesEmpty }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack admin-reseller-batches")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { words.columnCreated }
                                    Element.th(.scope(.col)) { words.columnPackage }
                                    Element.th(.scope(.col)) { words.columnTaken }
                                    Element.th(.scope(.col)) { words.columnUsed }
                                    Element.th(.scope(.col)) { words.columnCardPrice }
                                }
                            }
                            Element.tbody {
                                for batch in view.batches {
                                    Element.tr {
                                        Element.td(.data("label", words.columnCreated)) {
                                            Element.a(.href(SafeURL(batch.printPath))) { batch.created }
                                        }
                                        Element.td(.data("label", words.columnPackage)) { batch.packageName }
                                        Element.td(.data("label", words.columnTaken)) { String(batch.quantity) }
                                        Element.td(.data("label", words.columnUsed)) { String(batch.used) }
                                        Element.td(.data("label", words.columnCardPrice)) { batch.cardPrice }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Element.section(.class("panel"), .ariaLabelledBy("reseller-settlements-heading")) {
                Element.h2(.id("reseller-settlements-heading")) { words.settlementsHeading }
                if view.settlements.isEmpty {
                    Element.p(.class("muted")) { words.settlementsEmpty }
                } else {
                    Element.div(.class("table-scroll")) {
                        Element.table(.class("list stack admin-reseller-settlements")) {
                            Element.thead {
                                Element.tr {
                                    Element.th(.scope(.col)) { words.columnDay }
                                    Element.th(.scope(.col)) { words.fieldAmount }
                                    Element.th(.scope(.col)) { words.fieldMethod }
                                    Element.th(.scope(.col)) { words.fieldNote }
                                    Element.th(.scope(.col)) { words.columnRecordedBy }
                                }
                            }
                            Element.tbody {
                                for settlement in view.settlements {
                                    Element.tr {
                                        Element.td(.data("label", words.columnDay)) { settlement.day }
                                        Element.td(.data("label", words.fieldAmount)) { settlement.amount }
                                        Element.td(.data("label", words.fieldMethod)) { settlement.method }
                                        Element.td(.data("label", words.fieldNote)) { settlement.note }
                                        Element.td(.data("label", words.columnRecordedBy)) { settlement.recordedBy }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }.body
    }

    private func settlementForm(_ words: AdminResellerStrings) -> Element {
        typealias Field = AdminResellerView.SettlementField
        let state = view.settlementState
        return Element.section(.class("panel"), .ariaLabelledBy("settlement-heading")) {
            Element.h2(.id("settlement-heading")) { words.recordHeading }
            Element.form(.class("admin-form"), .method(.post), .action(SafeURL(view.settlementPath)), .novalidate) {
                FormErrorSummary(state: state, message: chrome.strings.formHasErrors)
                HiddenInput(name: Field.csrf, value: view.csrfToken)
                TextField(name: Field.amount, label: words.fieldAmount, state: state, required: true, inputMode: .numeric)
                TextField(name: Field.day, label: words.fieldDay, state: state, hint: words.fieldDayHint, required: true)
                SelectField(
                    name: Field.method, label: words.fieldMethod,
                    options: [
                        .init(value: "cash", label: words.methodCash),
                        .init(value: "bank_transfer", label: words.methodBankTransfer),
                    ], state: state)
                TextField(name: Field.note, label: words.fieldNote, state: state, hint: words.fieldNoteHint)
                Element.button(.class("button"), .type(.submit)) { words.record }
            }
        }
    }
}
