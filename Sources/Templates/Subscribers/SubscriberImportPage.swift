/// `GET/POST /admin/subscribers/import`: upload a CSV, read the dry run (every skipped row with its line
/// and reasons, the subscribers it would create), confirm; and the export links.
public struct SubscriberImportPage: HTMLComponent {
    typealias Field = SubscriberImportView.Field

    let chrome: SiteChrome
    let view: SubscriberImportView

    public init(chrome: SiteChrome, view: SubscriberImportView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.subscriberImportStrings
        return SiteLayout(chrome: chrome, title: words.title) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.subscribers)
            Element.section(.class("panel"), .ariaLabelledBy("import-heading")) {
                Element.h1(.id("import-heading")) { words.title }
                if let notice = view.notice { FormNotice(notice) }
                Element.p { words.intro }
                Element.p(.class("hint")) { words.columnsHelp }
                if let review = view.review { preview(review, words: words) }
                upload(words)
            }
            Element.section(.class("panel"), .ariaLabelledBy("export-heading")) {
                Element.h2(.id("export-heading")) { words.exportHeading }
                Element.p { words.exportIntro }
                Element.p {
                    Element.a(.class("button secondary"), .href(SafeURL(view.subscribersExportPath))) {
                        words.exportSubscribers
                    }
                    " "
                    Element.a(.class("button secondary"), .href(SafeURL(view.invoicesExportPath))) { words.exportInvoices }
                }
            }
        }.body
    }

    private func upload(_ words: SubscriberImportStrings) -> Element {
        Element.form(
            .class("admin-form"), .method(.post), .action(SafeURL(view.uploadPath)), .enctype(.multipart), .novalidate
        ) {
            HiddenInput(name: Field.csrf, value: view.csrfToken)
            Element.div(.class(view.fileError == nil ? "field" : "field invalid")) {
                let ids = FieldIDs(name: Field.file)
                Element.label(.for(ids.control)) { words.fieldFile }
                Element.input(
                    .type(.file), .id(ids.control), .name(Field.file), .accept(".csv,text/csv"), .required,
                    .ariaInvalid(view.fileError != nil), ids.describedBy(hasHint: true, hasError: view.fileError != nil))
                FieldMessages(ids: ids, hint: words.fieldFileHint, error: view.fileError)
            }
            Element.button(.class("button"), .type(.submit)) { words.check }
        }
    }

    private func preview(_ review: SubscriberImportView.Review, words: SubscriberImportStrings) -> Element {
        Element.div(.class("import-review")) {
            Element.h2 { words.previewHeading }
            Element.p(.role("status")) { review.summary }
            if review.acceptedCount > 0 {
                Element.form(.method(.post), .action(SafeURL(review.confirmPath))) {
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    HiddenInput(name: Field.token, value: review.token)
                    HiddenInput(name: Field.expected, value: String(review.acceptedCount))
                    Element.button(.class("button"), .type(.submit)) { words.confirm(review.acceptedCount) }
                }
            } else {
                Element.p(.class("muted")) { words.nothingToImport }
            }
            if review.rejectedCount > 0 {
                Element.h3 { words.rejectedHeading + " (\(review.rejectedCount))" }
                Element.div(.class("table-scroll")) {
                    Element.table(.class("list import-rejected")) {
                        Element.thead {
                            Element.tr {
                                Element.th(.scope(.col)) { words.columnLine }
                                Element.th(.scope(.col)) { words.columnUsername }
                                Element.th(.scope(.col)) { words.columnReasons }
                            }
                        }
                        Element.tbody {
                            for row in review.rejected {
                                Element.tr {
                                    Element.td { String(row.line) }
                                    Element.td { row.username }
                                    Element.td { row.reasons.joined(separator: "; ") }
                                }
                            }
                        }
                    }
                }
                if review.rejected.count < review.rejectedCount {
                    Element.p(.class("muted")) { words.moreRows(review.rejectedCount - review.rejected.count) }
                }
            }
            if review.acceptedCount > 0 {
                Element.h3 { words.acceptedHeading + " (\(review.acceptedCount))" }
                Element.div(.class("table-scroll")) {
                    Element.table(.class("list import-accepted")) {
                        Element.thead {
                            Element.tr {
                                Element.th(.scope(.col)) { words.columnLine }
                                Element.th(.scope(.col)) { words.columnCustomerNumber }
                                Element.th(.scope(.col)) { words.columnName }
                                Element.th(.scope(.col)) { words.columnUsername }
                                Element.th(.scope(.col)) { words.columnPlan }
                            }
                        }
                        Element.tbody {
                            for row in review.accepted {
                                Element.tr {
                                    Element.td { String(row.line) }
                                    Element.td { row.customerNumber.isEmpty ? words.generatedNumber : row.customerNumber }
                                    Element.td { row.name }
                                    Element.td { row.username }
                                    Element.td { row.plan }
                                }
                            }
                        }
                    }
                }
                if review.accepted.count < review.acceptedCount {
                    Element.p(.class("muted")) { words.moreRows(review.acceptedCount - review.accepted.count) }
                }
            }
        }
    }
}
