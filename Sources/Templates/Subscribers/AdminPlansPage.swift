/// `GET /admin/plans`: the tenant's monthly plans, each with its price, speeds, RADIUS group, state and
/// subscribers, and its buttons (activate or deactivate, delete) as CSRF-protected POSTs.
public struct AdminPlansPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminPlansView

    public init(chrome: SiteChrome, view: AdminPlansView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        let words = chrome.language.adminSubscriberStrings
        let content = chrome.language.adminContentStrings
        return SiteLayout(chrome: chrome, title: words.plansTitle) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.plans)
            Element.section(.class("panel"), .ariaLabelledBy("plans-heading")) {
                Element.h1(.id("plans-heading")) { words.plansTitle }
                if view.saved { FormNotice(chrome.strings.adminSaved) }
                if let refusal = view.refusal { Element.p(.class("form-alert"), .role("alert")) { refusal } }
                Element.p { words.plansIntro }
                Element.p { Element.a(.class("button"), .href(SafeURL(Paths.Admin.newPlan))) { words.newPlan } }
                AdminSalesTable(
                    headers: [
                        content.columnName, content.columnPrice, content.fieldDownloadKbps + " / " + content.fieldUploadKbps,
                        content.fieldRadiusGroup, words.columnStatus, words.columnSubscribers, "",
                    ],
                    rows: view.entries.map { entry in
                        [
                            HTMLFragment { Element.a(.href(SafeURL(entry.editPath))) { entry.name } },
                            HTMLFragment { entry.price }, HTMLFragment { entry.speed },
                            HTMLFragment { Element.code { entry.radiusGroup } },
                            HTMLFragment {
                                AdminSalesBadge(
                                    entry.isActive ? words.planActive : words.planInactive,
                                    tone: entry.isActive ? .good : .quiet)
                            },
                            HTMLFragment { String(entry.subscriberCount) },
                            actions(entry, words: words, content: content),
                        ]
                    }, emptyText: words.plansEmpty)
            }
        }.body
    }

    private func actions(_ entry: AdminPlansView.Entry, words: AdminSubscriberStrings, content: AdminContentStrings)
        -> HTMLFragment
    {
        HTMLFragment {
            Element.form(
                .class("profile-actions"), .method(.post),
                .action(SafeURL(entry.togglePath))
            ) {
                HiddenInput(name: AdminPlanFormView.Field.csrf, value: view.csrfToken)
                Element.button(
                    .class("button secondary"), .type(.submit),
                    .ariaLabel(
                        (entry.isActive ? words.deactivate : words.activate) + ": " + entry.name)
                ) { entry.isActive ? words.deactivate : words.activate }
                Element.button(
                    .class("button secondary"), .type(.submit), .formaction(SafeURL(entry.deletePath)),
                    .ariaLabel(content.delete + ": " + entry.name)
                ) { content.delete }
            }
        }
    }
}

/// `GET/POST /admin/plans/new` and `/admin/plans/{id}`: create or edit one monthly plan.
public struct AdminPlanFormPage: HTMLComponent {
    let chrome: SiteChrome
    let view: AdminPlanFormView

    public init(chrome: SiteChrome, view: AdminPlanFormView) {
        self.chrome = chrome
        self.view = view
    }

    public var body: HTMLFragment {
        typealias Field = AdminPlanFormView.Field
        let strings = chrome.strings
        let words = chrome.language.adminSubscriberStrings
        let content = chrome.language.adminContentStrings
        let state = view.state
        let heading = view.isNew ? words.newPlan : words.editPlan
        return SiteLayout(chrome: chrome, title: heading) {
            AdminNavigation(language: chrome.language, csrfToken: view.csrfToken, current: Paths.Admin.plans)
            Element.section(.class("panel"), .ariaLabelledBy("plan-heading")) {
                Element.h1(.id("plan-heading")) { heading }
                Element.form(.class("admin-form"), .method(.post), .action(SafeURL(view.formPath)), .novalidate) {
                    FormErrorSummary(state: state, message: strings.formHasErrors)
                    HiddenInput(name: Field.csrf, value: view.csrfToken)
                    TextField(name: Field.name, label: content.fieldName, state: state, required: true)
                    TextField(
                        name: Field.price, label: content.fieldPrice, state: state, hint: content.fieldPriceHint,
                        required: true, inputMode: .numeric)
                    TextField(
                        name: Field.downloadKbps, label: content.fieldDownloadKbps, state: state,
                        hint: content.fieldSpeedHint)
                    TextField(
                        name: Field.uploadKbps, label: content.fieldUploadKbps, state: state, hint: content.fieldSpeedHint)
                    TextField(
                        name: Field.radiusGroup, label: content.fieldRadiusGroup, state: state, hint: words.fieldPlanGroupHint)
                    CheckboxField(name: Field.isActive, state: state) { words.fieldPlanActive }
                    Element.button(.class("button"), .type(.submit)) { view.isNew ? words.createPlan : strings.adminSave }
                }
            }
        }.body
    }
}
