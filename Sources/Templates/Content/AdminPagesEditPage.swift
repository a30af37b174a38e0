/// `GET/POST /admin/pages/{slug}/{lang}`: edit one page's title and Markdown; preview the draft as
/// the public page renders it; revert to the default text; the saved versions.
public struct AdminPagesEditPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminPagesEditView

    public init(chrome: SiteChrome, view: AdminPagesEditView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminPagesEditView.Field
        let strings = chrome.strings
        let words = chrome.language.adminContentStrings
        let state = view.state
        let heading = words.editPageHeading(view.name, view.language.nativeName)
        return SiteLayout(chrome: chrome, title: heading) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.pages)
            Element.section(.class("panel"), .ariaLabelledBy("page-heading")) {
                Element.h1(.id("page-heading")) { heading }
                if view.saved {
                    FormNotice(strings.adminSaved)
                }
                Element.p {
                    view.version.map(words.pageIsEdited) ?? words.pageIsDefault
                    " · "
                    Element.a(.href(SafeURL(Paths.page(view.slug) + "?lang=" + view.language.rawValue))) { words.openPublicPage }
                }
                Element.form(
                    .class("admin-form"), .method(.post), .action(SafeURL(Paths.Admin.page(view.slug, view.language))), .novalidate
                ) {
                    FormErrorSummary(state: state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(name: Field.title, label: words.fieldTitle, state: state, required: true)
                    MarkdownField(
                        name: Field.markdown, label: words.fieldMarkdown, hint: words.fieldMarkdownHint, state: state,
                        language: view.language)
                    Element.button(.class("button"), .type(.submit)) { strings.adminSave }
                    // Same form, other target: the draft rendered, nothing saved.
                    Element.button(
                        .class("button secondary"), .type(.submit), .formaction(SafeURL(Paths.Admin.pagePreview(view.slug, view.language)))
                    ) {
                        strings.adminPreview
                    }
                }
                if view.version != nil {
                    Element.form(.class("revert-form"), .method(.post), .action(SafeURL(Paths.Admin.pageRevert(view.slug, view.language))))
                    {
                        HiddenInput(name: Field.csrf, value: view.csrfToken)
                        Element.p(.class("hint")) { words.revertHint }
                        Element.button(.class("button secondary"), .type(.submit)) { words.revert }
                    }
                }
            }
            if let preview = view.preview {
                Element.section(.class("panel page-preview"), .ariaLabelledBy("preview-heading")) {
                    Element.h2(.id("preview-heading"), .class("preview-label")) { words.previewHeading }
                    Element.article(.class("prose"), .lang(view.language.rawValue)) { preview.body }
                }
            }
            if !view.history.isEmpty {
                Element.section(.class("panel"), .ariaLabelledBy("history-heading")) {
                    Element.h2(.id("history-heading")) { words.historyHeading }
                    Element.ul(.class("page-history")) {
                        for saved in view.history {
                            Element.li { words.historyEntry(saved.version, saved.savedBy, saved.savedAt) }
                        }
                    }
                }
            }
        }.body
    }
}

/// A labelled textarea for a page's Markdown, in the page's own language, kept as typed after an error.
struct MarkdownField: HTMLComponent {
    let name: String
    let label: String
    let hint: String
    let state: FormState
    let language: Language
    var rows = 20
    var required = true

    var body: HTMLFragment {
        let ids = FieldIDs(name: name)
        let error = state.error(name)
        return HTMLFragment {
            Element.div(.class(error == nil ? "field" : "field invalid")) {
                Element.label(.for(ids.control)) { label }
                Element.textarea(
                    .id(ids.control), .name(name), .rows(rows), .lang(language.rawValue), .class("markdown-input"),
                    .required(required), .ariaInvalid(error != nil), ids.describedBy(hasHint: true, hasError: error != nil)
                ) { state.value(name) }
                FieldMessages(ids: ids, hint: hint, error: error)
            }
        }
    }
}
